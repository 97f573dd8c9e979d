package cn.vdp.portal.history;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

import cn.vdp.portal.history.TelemetryApi.RecordPage;
import cn.vdp.portal.storage.StorageProblems;

/** storage-service's owner telemetry query, called with the signed-in person's own token. */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface TelemetryRestClient {

    /** Parameters are passed on as given: storage-service parses them and answers 400 for bad ones. */
    @GET
    @Path("/vehicles/{vin}/telemetry")
    RecordPage records(@PathParam("vin") String vin, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("signal") List<String> signals, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor);
}
