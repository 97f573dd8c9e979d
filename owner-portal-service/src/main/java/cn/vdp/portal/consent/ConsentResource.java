package cn.vdp.portal.consent;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.BearerTokenAuthentication;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.security.Roles;
import cn.vdp.portal.consent.ConsentApi.ConsentChange;
import cn.vdp.portal.consent.ConsentApi.ConsentView;

@Path("/api/v1")
@BearerTokenAuthentication
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy settings")
public class ConsentResource {

    @Inject
    ConsentClient consents;

    @GET
    @Path("/vehicles/{vin}/consents")
    @Operation(summary = "The owner's consent per sensitive category", description = "Current owners only.")
    @APIResponse(responseCode = "200", description = "One entry per category that needs consent")
    public List<ConsentView> list(@PathParam("vin") String vin) {
        return consents.list(vin);
    }

    @PUT
    @Path("/vehicles/{vin}/consents/{category}")
    @Operation(summary = "Turn collection of a sensitive category on (until a date) or off",
            description = "Ingest follows the change within a minute.")
    @APIResponse(responseCode = "200", description = "The consent now in force")
    @APIResponse(responseCode = "422", description = "Expiry missing, past or too far ahead")
    public ConsentView change(@PathParam("vin") String vin, @PathParam("category") String category,
            ConsentChange change) {
        if (change == null) {
            throw ProblemException.invalid("", "a consent change is required");
        }
        return consents.change(vin, category, change);
    }
}
