package cn.vdp.portal.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import cn.vdp.common.security.Roles;
import cn.vdp.common.web.QueryParameters;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.portal.vehicle.VehicleClient;
import cn.vdp.portal.web.PageContext;
import cn.vdp.portal.web.PortalTime;

/** History of one vehicle: a chosen range and signals, as charts, a trip track and a table. */
@Path("/")
@AuthorizationCodeFlow
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.TEXT_HTML)
public class HistoryPage {

    static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(HistoryView view);
    }

    @Inject
    VehicleClient vehicles;

    @Inject
    HistoryService history;

    @Inject
    PageContext page;

    @Inject
    Clock clock;

    @GET
    @Path("/vehicles/{vin}/history")
    @Operation(hidden = true)
    public TemplateInstance history(@PathParam("vin") String vin, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("signal") List<String> signals) {
        Instant end = PortalTime.parseInput("to", to);
        if (end == null) {
            end = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        }
        Instant start = PortalTime.parseInput("from", from);
        if (start == null) {
            start = end.minus(DEFAULT_RANGE);
        }
        if (!start.isBefore(end)) {
            throw QueryParameters.invalid("from", "from must be before to");
        }
        OwnedVehicle vehicle = vehicles.one(vin);
        return page.render(Templates.history(history.load(vehicle, start, end, signals)));
    }
}
