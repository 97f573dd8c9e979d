package cn.vdp.portal.vehicle;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import cn.vdp.common.security.Roles;
import cn.vdp.portal.vehicle.VehicleApi.LatestValues;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.portal.web.PageContext;

/** My vehicles: each vehicle the signed-in owner owns or owned, with its latest values. */
@Path("/")
@AuthorizationCodeFlow
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.TEXT_HTML)
public class VehiclePages {

    /** One vehicle on the page. */
    public record VehicleCard(OwnedVehicle vehicle, LatestValues latest) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance vehicles(List<VehicleCard> cards);
    }

    @Inject
    VehicleClient vehicles;

    @Inject
    PageContext page;

    @GET
    @Path("/vehicles")
    @Operation(hidden = true)
    public TemplateInstance vehicles() {
        List<VehicleCard> cards = vehicles.mine().stream()
                .map(v -> new VehicleCard(v, vehicles.latest(v.vin()))).toList();
        return page.render(Templates.vehicles(cards));
    }
}
