package cn.vdp.storage.erasure;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.Audited;
import cn.vdp.storage.erasure.ErasureApi.ErasureBody;
import cn.vdp.storage.erasure.ErasureApi.ErasureView;
import cn.vdp.storage.security.CurrentCaller;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure")
public class ErasureResource {

    @Inject
    ErasureService erasure;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/erasure-requests")
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditAction.ERASURE_REQUEST)
    @Operation(summary = "Ask for the caller's data to be erased",
            description = "Erases the telemetry recorded inside the caller's ownership periods of the named vehicles "
                    + "(all they own or owned when none are named), the consents of those they still own, and the "
                    + "records of their exports. The next owner's data stays. Executed by a job, normally within "
                    + "minutes; the legal deadline (dueBy) is 10 working days.")
    @APIResponse(responseCode = "202", description = "Accepted; the body is the receipt, Location its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "A vin is not one of the caller's vehicles")
    @APIResponse(responseCode = "422", description = "Too many VINs")
    public Response request(ErasureBody body) {
        ErasureView view = erasure.request(body, caller.get());
        return Response.accepted(view).location(URI.create("/api/v1/erasure-requests/" + view.id())).build();
    }

    @GET
    @Path("/erasure-requests")
    @RolesAllowed(Roles.OWNER)
    @Operation(summary = "The caller's erasure requests, newest first")
    @APIResponse(responseCode = "200", description = "Requests with their status")
    public List<ErasureView> mine() {
        return erasure.mine(caller.get());
    }

    @GET
    @Path("/erasure-requests/{id}")
    @RolesAllowed(Roles.OWNER)
    @Operation(summary = "One of the caller's erasure requests", description = "Status, completion and what was erased.")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", description = "Not a request of the caller")
    public ErasureView one(@PathParam("id") String id) {
        return erasure.one(id, caller.get());
    }
}
