package cn.vdp.storage.consent;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.Audited;
import cn.vdp.storage.consent.ConsentApi.ConsentChange;
import cn.vdp.storage.consent.ConsentApi.ConsentView;
import cn.vdp.storage.consent.ConsentApi.LiveConsentQuery;
import cn.vdp.storage.consent.ConsentApi.LiveConsents;
import cn.vdp.storage.security.CurrentCaller;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent")
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/vehicles/{vin}/consents")
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditAction.CONSENT_LIST)
    @Operation(summary = "The owner's consent per sensitive category")
    @APIResponse(responseCode = "200", description = "One entry per category that needs consent")
    public List<ConsentView> list(@PathParam("vin") String vin) {
        return consents.list(vin, caller.get());
    }

    @PUT
    @Path("/vehicles/{vin}/consents/{category}")
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditAction.CONSENT_CHANGE)
    @Operation(summary = "Turn collection of a sensitive category on (until a date) or off")
    @APIResponse(responseCode = "200", description = "The consent now in force")
    @APIResponse(responseCode = "422", description = "Expiry missing, past or too far ahead")
    public ConsentView change(@PathParam("vin") String vin, @PathParam("category") String category,
            ConsentChange change) {
        return consents.change(vin, category, change, caller.get());
    }

    @POST
    @Path("/consents/live")
    @RolesAllowed(Roles.INGEST)
    @Operation(summary = "Live consents of many vehicles", description = "Used by ingest to drop what may not be collected.")
    @APIResponse(responseCode = "200", description = "Per VIN, the categories allowed now and until when")
    @APIResponse(responseCode = "422", description = "No VIN, too many, or an invalid one")
    public LiveConsents live(LiveConsentQuery query) {
        return consents.live(query == null ? null : query.vins());
    }
}
