package cn.vdp.portal.export;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.security.Roles;
import cn.vdp.portal.export.ExportApi.SigningKey;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.portal.vehicle.VehicleClient;
import cn.vdp.portal.web.PageContext;

/** Download my data: the page, and the download itself, streamed from storage-service. */
@Path("/")
@AuthorizationCodeFlow
@RolesAllowed(Roles.OWNER)
public class ExportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance export(List<OwnedVehicle> vehicles, SigningKey key);
    }

    @Inject
    VehicleClient vehicles;

    @Inject
    ExportClient exports;

    @Inject
    PageContext page;

    @GET
    @Path("/export")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance export() {
        SigningKey key;
        try {
            key = exports.signingKey();
        } catch (ProblemException e) {
            key = null; // the page still offers the download; the key is shown when it can be had
        }
        return page.render(Templates.export(vehicles.mine(), key));
    }

    @GET
    @Path("/export/download")
    @Produces({ ExportApi.ZIP, MediaType.TEXT_HTML })
    @Operation(hidden = true)
    public Response download(@QueryParam("vin") String vin) {
        return exports.download(vin);
    }
}
