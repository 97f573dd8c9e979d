package cn.vdp.portal.audit;

import java.time.Clock;
import java.time.Year;
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

import cn.vdp.common.security.Roles;
import cn.vdp.common.web.QueryParameters;
import cn.vdp.portal.audit.AuditApi.CheckpointPage;
import cn.vdp.portal.audit.AuditApi.EventPage;
import cn.vdp.portal.audit.AuditApi.Report;
import cn.vdp.portal.audit.AuditApi.Verification;
import cn.vdp.portal.web.PageContext;
import cn.vdp.portal.web.PortalTime;

/**
 * The regulator's pages: the audit trail (filters, pages, CSV), its verification, the signed checkpoints and the
 * yearly compliance report (page, JSON, CSV). Read-only: nothing here changes anything, and every query is audited
 * by storage-service, which is asked with the regulator's own token.
 */
@Path("/")
@AuthorizationCodeFlow
@RolesAllowed(Roles.REGULATOR)
public class RegulatorPages {

    static final int DEFAULT_PAGE = 50;
    /** The outcomes storage-service records (its AuditOutcome codes), for the filter's choice. */
    static final List<String> OUTCOMES = List.of("success", "denied", "refused", "throttled", "failed");
    static final int MAX_PAGE = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(TrailFilter filter, List<String> outcomes, EventPage trail, int limit,
                boolean paged, String csvQuery, String nextQuery);

        static native TemplateInstance verification(Verification result);

        static native TemplateInstance checkpoints(CheckpointPage cps);

        static native TemplateInstance report(int year, int currentYear, Report report);
    }

    @Inject
    AuditClient audit;

    @Inject
    PageContext page;

    @Inject
    Clock clock;

    @GET
    @Path("/regulator")
    @Operation(hidden = true)
    public Response start() {
        return Response.seeOther(java.net.URI.create("/regulator/events")).build();
    }

    @GET
    @Path("/regulator/events")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance events(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("vin") String vin, @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("limit") String limitText,
            @QueryParam("cursor") String cursor) {
        TrailFilter filter = TrailFilter.of(from, to, vin, actor, action, outcome);
        int limit = limit(limitText);
        EventPage events = audit.events(filter, limit, cursor);
        String query = filter.query();
        String next = events.nextCursor() == null ? null
                : (query.isEmpty() ? "" : query + "&") + "limit=" + limit + "&cursor=" + events.nextCursor();
        return page.render(Templates.events(filter, OUTCOMES, events, limit, cursor != null && !cursor.isBlank(), query,
                next));
    }

    @GET
    @Path("/regulator/events.csv")
    @Produces({ AuditApi.CSV, MediaType.TEXT_HTML })
    @Operation(hidden = true)
    public Response eventsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("vin") String vin, @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome) {
        return audit.eventsCsv(TrailFilter.of(from, to, vin, actor, action, outcome));
    }

    /** Walking the chain reads every event: it runs when asked (the button), not on every visit. */
    @GET
    @Path("/regulator/verification")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance verification(@QueryParam("run") String run) {
        return page.render(Templates.verification("true".equals(run) ? audit.verification() : null));
    }

    @GET
    @Path("/regulator/checkpoints")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance checkpoints(@QueryParam("cursor") String cursor) {
        return page.render(Templates.checkpoints(audit.checkpoints(null, cursor)));
    }

    @GET
    @Path("/regulator/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance report(@QueryParam("year") String year) {
        int chosen = year(year);
        return page.render(Templates.report(chosen, currentYear(), audit.report(chosen)));
    }

    @GET
    @Path("/regulator/report.json")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(hidden = true)
    public Response reportJson(@QueryParam("year") String year) {
        return audit.reportJson(year(year));
    }

    @GET
    @Path("/regulator/report.csv")
    @Produces({ AuditApi.CSV, MediaType.TEXT_HTML })
    @Operation(hidden = true)
    public Response reportCsv(@QueryParam("year") String year) {
        return audit.reportCsv(year(year));
    }

    /** The year asked for, the current one (in China) by default; storage-service checks the range. */
    private int year(String text) {
        Integer year = QueryParameters.integer("year", text);
        return year == null ? currentYear() : year;
    }

    private int currentYear() {
        return Year.now(clock.withZone(PortalTime.ZONE)).getValue();
    }

    private static int limit(String text) {
        Integer limit = QueryParameters.integer("limit", text);
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw QueryParameters.invalid("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }
}
