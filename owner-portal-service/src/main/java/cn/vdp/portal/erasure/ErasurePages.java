package cn.vdp.portal.erasure;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import cn.vdp.common.security.Roles;
import cn.vdp.portal.erasure.ErasureApi.ErasureRequest;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.portal.vehicle.VehicleClient;
import cn.vdp.portal.web.CsrfGuard;
import cn.vdp.portal.web.PageContext;

/** Delete my data: the request form, the owner's requests, and each request's receipt with its status. */
@Path("/")
@AuthorizationCodeFlow
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.TEXT_HTML)
public class ErasurePages {

    @CheckedTemplate
    static class Templates {
        /** @param unconfirmed the form was sent without ticking the confirmation */
        static native TemplateInstance erasure(List<OwnedVehicle> vehicles, List<ErasureRequest> requests,
                boolean unconfirmed);

        static native TemplateInstance receipt(ErasureRequest request);
    }

    @Inject
    ErasureClient erasures;

    @Inject
    VehicleClient vehicles;

    @Inject
    CsrfGuard csrf;

    @Inject
    PageContext page;

    @GET
    @Path("/erasure")
    @Operation(hidden = true)
    public TemplateInstance erasure() {
        return render(false);
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response request(@FormParam(CsrfGuard.FIELD) String token, @FormParam("confirm") boolean confirmed,
            @FormParam("vin") List<String> vins) {
        csrf.verify(token);
        if (!confirmed) {
            return Response.status(422).entity(render(true)).build();
        }
        ErasureRequest created = erasures.create(vins);
        return Response.seeOther(URI.create("/erasure/" + created.id())).build();
    }

    @GET
    @Path("/erasure/{id}")
    @Operation(hidden = true)
    public TemplateInstance receipt(@PathParam("id") String id) {
        return page.render(Templates.receipt(erasures.one(id)));
    }

    private TemplateInstance render(boolean unconfirmed) {
        return page.render(Templates.erasure(vehicles.mine(), erasures.mine(), unconfirmed));
    }
}
