package cn.vdp.storage.compliance;

import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.vdp.common.security.Roles;
import cn.vdp.common.web.QueryParameters;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.Audited;
import cn.vdp.storage.audit.CsvWriter;
import cn.vdp.storage.compliance.ComplianceApi.Report;
import cn.vdp.storage.security.CurrentCaller;

@Path("/api/v1")
@Tag(name = "Compliance")
@RolesAllowed(Roles.REGULATOR)
public class ComplianceResource {

    @Inject
    ComplianceReports reports;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @GET
    @Path("/compliance/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(AuditAction.COMPLIANCE_REPORT)
    @Operation(summary = "The yearly compliance report", description = "Generated from live data: categories and "
            + "volumes, cars and owners, storage regions, retention and oldest record per category, consent, erasure, "
            + "refused records, access by role and the audit chain's status.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Not a plausible year")
    public Report report(@Parameter(description = "The year reported on; the current year when absent")
            @QueryParam("year") String year) throws SQLException {
        return reports.generate(year(year), caller.get());
    }

    @GET
    @Path("/compliance/report.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Audited(AuditAction.COMPLIANCE_REPORT)
    @Operation(summary = "The yearly compliance report as CSV", description = "One figure per row: section, item, "
            + "figure, value.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not a plausible year")
    public Response reportCsv(@QueryParam("year") String year) throws SQLException {
        int reported = year(year);
        return CsvWriter.download(ComplianceCsv.of(reports.generate(reported, caller.get())),
                "compliance-report-" + reported + ".csv");
    }

    private int year(String text) {
        Integer year = QueryParameters.integer("year", text);
        int current = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (year == null) {
            return current;
        }
        if (year < 2000 || year > current) {
            throw QueryParameters.invalid("year", "year must lie between 2000 and " + current);
        }
        return year;
    }
}
