package cn.vdp.portal.consent;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.security.Roles;
import cn.vdp.portal.consent.ConsentApi.ConsentChange;
import cn.vdp.portal.consent.SettingsView.Refusal;
import cn.vdp.portal.consent.SettingsView.Row;
import cn.vdp.portal.consent.SettingsView.VehicleSettings;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.portal.vehicle.VehicleClient;
import cn.vdp.portal.web.CsrfGuard;
import cn.vdp.portal.web.PageContext;
import cn.vdp.portal.web.PortalTime;

/** Privacy settings: each sensitive category of each current vehicle on (until a chosen day) or off. */
@Path("/")
@AuthorizationCodeFlow
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    /** The form offers this many days ahead when a category is off; the owner picks the day. */
    static final int SUGGESTED_DAYS = 90;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsView view);
    }

    @Inject
    VehicleClient vehicles;

    @Inject
    ConsentClient consents;

    @Inject
    CsrfGuard csrf;

    @Inject
    PageContext page;

    @Inject
    Clock clock;

    @GET
    @Path("/settings")
    @Operation(hidden = true)
    public TemplateInstance settings(@QueryParam("saved") String saved) {
        return render(saved, null);
    }

    @POST
    @Path("/settings/{vin}/{category}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Object change(@PathParam("vin") String vin, @PathParam("category") String category,
            @FormParam(CsrfGuard.FIELD) String token, @FormParam("granted") boolean granted,
            @FormParam("until") String until) {
        csrf.verify(token);
        LocalDate lastDay = PortalTime.parseDate("until", until);
        if (granted && lastDay == null) {
            return Response.status(422).entity(render(null, new Refusal(vin, category, true, null))).build();
        }
        Instant expiresAt = granted ? PortalTime.endOfDay(lastDay) : null;
        try {
            consents.change(vin, category, new ConsentChange(granted, expiresAt));
        } catch (ProblemException e) {
            if (e.type().status() != 422) {
                throw e;
            }
            return Response.status(422).entity(render(null, new Refusal(vin, category, false, e.getMessage()))).build();
        }
        return Response.seeOther(URI.create("/settings?saved=" + category + "#v-" + vin)).build();
    }

    private TemplateInstance render(String saved, Refusal refusal) {
        Instant now = clock.instant();
        List<VehicleSettings> current = vehicles.mine().stream().filter(OwnedVehicle::currentOwner)
                .map(v -> new VehicleSettings(v, consents.list(v.vin()).stream().map(c -> Row.of(c, now)).toList()))
                .toList();
        String tomorrow = LocalDate.ofInstant(now, PortalTime.ZONE).plusDays(1).toString();
        return page.render(Templates.settings(new SettingsView(current, saved, refusal, tomorrow)));
    }
}
