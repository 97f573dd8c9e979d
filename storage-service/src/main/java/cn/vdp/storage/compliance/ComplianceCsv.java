package cn.vdp.storage.compliance;

import java.io.IOException;
import java.io.StringWriter;

import cn.vdp.storage.audit.CsvWriter;
import cn.vdp.storage.compliance.ComplianceApi.Access;
import cn.vdp.storage.compliance.ComplianceApi.CategoryFigures;
import cn.vdp.storage.compliance.ComplianceApi.ConsentFigures;
import cn.vdp.storage.compliance.ComplianceApi.MarketCount;
import cn.vdp.storage.compliance.ComplianceApi.Refusals;
import cn.vdp.storage.compliance.ComplianceApi.Report;

/** The report as CSV: one figure per row (section, item, figure, value), in the order of the JSON. */
final class ComplianceCsv {

    private ComplianceCsv() {
    }

    static String of(Report r) {
        StringWriter text = new StringWriter();
        CsvWriter csv = new CsvWriter(text);
        try {
            csv.row("section", "item", "figure", "value");
            csv.row("report", "", "year", r.year());
            csv.row("report", "", "period_from", r.periodFrom());
            csv.row("report", "", "period_to", r.periodTo());
            csv.row("report", "", "due", r.due());
            csv.row("report", "", "generated_at", r.generatedAt());
            csv.row("storage", "", "allowed_regions", String.join(";", r.storage().allowedRegions()));
            csv.row("storage", "", "region", r.storage().region());
            csv.row("storage", "", "source", r.storage().source());
            csv.row("storage", "", "node", r.storage().node());
            csv.row("storage", "", "in_allowed_region", r.storage().inAllowedRegion());
            csv.row("storage", "", "checked_at", r.storage().checkedAt());
            csv.row("vehicles", "", "registered", r.vehicles().registered());
            for (MarketCount market : r.vehicles().byMarket()) {
                csv.row("vehicles", "market " + market.market(), "registered", market.vehicles());
            }
            csv.row("vehicles", "", "registered_in_year", r.vehicles().registeredInYear());
            csv.row("vehicles", "", "with_data_from_year", r.vehicles().withDataInYear());
            csv.row("owners", "", "in_year", r.owners().inYear());
            csv.row("owners", "", "current", r.owners().current());
            csv.row("owners", "", "transfers_in_year", r.owners().transfersInYear());
            for (CategoryFigures c : r.categories()) {
                csv.row("categories", c.category(), "consent_required", c.consentRequired());
                csv.row("categories", c.category(), "retention", c.retention());
                csv.row("categories", c.category(), "rows_from_year", c.rowsFromYear());
                csv.row("categories", c.category(), "vehicles_from_year", c.vehiclesFromYear());
                csv.row("categories", c.category(), "rows_purged_in_year", c.rowsPurgedInYear());
                csv.row("categories", c.category(), "rows_held", c.rowsHeld());
                csv.row("categories", c.category(), "bytes_held", c.bytesHeld());
                csv.row("categories", c.category(), "oldest_held", c.oldestHeld());
            }
            for (ConsentFigures c : r.consent()) {
                csv.row("consent", c.category(), "live_now", c.liveNow());
                csv.row("consent", c.category(), "granted_in_year", c.grantedInYear());
                csv.row("consent", c.category(), "withdrawn_in_year", c.withdrawnInYear());
            }
            if (r.erasure() != null) {
                csv.row("erasure", "", "requested", r.erasure().requested());
                csv.row("erasure", "", "completed", r.erasure().completed());
                csv.row("erasure", "", "pending", r.erasure().pending());
                csv.row("erasure", "", "failed", r.erasure().failed());
                csv.row("erasure", "", "overdue", r.erasure().overdue());
                csv.row("erasure", "", "median_completion_hours", r.erasure().medianCompletionHours());
                csv.row("erasure", "", "max_completion_hours", r.erasure().maxCompletionHours());
            }
            for (Refusals refused : r.refusedRecords()) {
                csv.row("refused_records", refused.reason(), "records", refused.records());
                csv.row("refused_records", refused.reason(), "vehicles", refused.vehicles());
            }
            for (Access a : r.access()) {
                String item = a.role() + " " + a.action() + " " + a.outcome();
                csv.row("access", item, "events", a.events());
                csv.row("access", item, "actors", a.actors());
            }
            csv.row("chain", "", "status", r.chain().status());
            csv.row("chain", "", "events_verified", r.chain().eventsVerified());
            csv.row("chain", "", "last_verified_id", r.chain().lastVerifiedId());
            if (r.chain().firstBroken() != null) {
                csv.row("chain", "", "first_broken_event", r.chain().firstBroken().eventId());
                csv.row("chain", "", "first_broken_problem", r.chain().firstBroken().problem());
            }
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return text.toString();
    }
}
