package cn.vdp.portal.erasure;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.BearerTokenAuthentication;

import cn.vdp.common.security.Roles;
import cn.vdp.portal.erasure.ErasureApi.ErasureRequest;
import cn.vdp.portal.erasure.ErasureApi.NewErasureRequest;

@Path("/api/v1")
@BearerTokenAuthentication
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure")
public class ErasureResource {

    @Inject
    ErasureClient erasures;

    @POST
    @Path("/erasure-requests")
    @Operation(summary = "Ask for the caller's data to be erased",
            description = "Telemetry of the caller's ownership periods, their consent and prepared exports. Done "
                    + "within 10 working days, usually within minutes; the answer is the receipt.")
    @APIResponse(responseCode = "202", description = "Accepted; follow it with its id")
    public Response create(NewErasureRequest request) {
        ErasureRequest created = erasures.create(request == null ? null : request.vins());
        return Response.accepted(created).header("Location", "/api/v1/erasure-requests/" + created.id()).build();
    }

    @GET
    @Path("/erasure-requests")
    @Operation(summary = "The caller's erasure requests")
    @APIResponse(responseCode = "200", description = "The requests and their status")
    public List<ErasureRequest> mine() {
        return erasures.mine();
    }

    @GET
    @Path("/erasure-requests/{id}")
    @Operation(summary = "One of the caller's erasure requests, with its status")
    @APIResponse(responseCode = "200", description = "The request")
    public ErasureRequest one(@PathParam("id") String id) {
        return erasures.one(id);
    }
}
