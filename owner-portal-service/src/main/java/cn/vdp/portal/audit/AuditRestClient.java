package cn.vdp.portal.audit;

import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

import cn.vdp.portal.audit.AuditApi.CheckpointPage;
import cn.vdp.portal.audit.AuditApi.EventPage;
import cn.vdp.portal.audit.AuditApi.Report;
import cn.vdp.portal.audit.AuditApi.Verification;
import cn.vdp.portal.storage.StorageProblems;

/**
 * storage-service's audit trail and compliance report, called with the signed-in regulator's own token: storage
 * decides (only the regulator role reads them) and audits every one of these queries itself.
 */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@AccessToken
@Path("/api/v1")
interface AuditRestClient {

    @GET
    @Path("/audit/events")
    @Produces(MediaType.APPLICATION_JSON)
    EventPage events(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("vin") String vin,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    /** Every matching event, oldest first, as the CSV arrives: handed over as a stream, not a buffer. */
    @GET
    @Path("/audit/events.csv")
    @Produces(AuditApi.CSV)
    InputStream eventsCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("vin") String vin,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome);

    @GET
    @Path("/audit/verification")
    @Produces(MediaType.APPLICATION_JSON)
    Verification verification();

    @GET
    @Path("/audit/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    CheckpointPage checkpoints(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/compliance/report")
    @Produces(MediaType.APPLICATION_JSON)
    Report report(@QueryParam("year") int year);

    /** The report exactly as storage-service wrote it, for download. */
    @GET
    @Path("/compliance/report")
    @Produces(MediaType.APPLICATION_JSON)
    InputStream reportJson(@QueryParam("year") int year);

    @GET
    @Path("/compliance/report.csv")
    @Produces(AuditApi.CSV)
    InputStream reportCsv(@QueryParam("year") int year);
}
