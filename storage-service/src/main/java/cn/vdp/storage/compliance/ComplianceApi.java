package cn.vdp.storage.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.vdp.storage.audit.AuditApi.Verification;

/** The compliance report's REST contract: the yearly report to the provincial regulator, from live data. */
public final class ComplianceApi {

    private ComplianceApi() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The yearly compliance report (due 15 December), generated from live data")
    public record Report(int year, Instant periodFrom, Instant periodTo, LocalDate due, Instant generatedAt,
            Storage storage, Vehicles vehicles, Owners owners, List<CategoryFigures> categories,
            List<ConsentFigures> consent, Erasure erasure, List<Refusals> refusedRecords, List<Access> access,
            Verification chain) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Where the data is stored: the allowed China regions, and where this service runs (from "
            + "the residency guard's last check)")
    public record Storage(List<String> allowedRegions, String region,
            @Schema(description = "kubernetes-node (the node's region label) or configuration") String source,
            String node, boolean inAllowedRegion, Instant checkedAt) {
    }

    @Schema(description = "Cars: registered now (by market), registered during the year, with data from the year")
    public record Vehicles(long registered, List<MarketCount> byMarket, long registeredInYear, long withDataInYear) {
    }

    public record MarketCount(String market, long vehicles) {
    }

    @Schema(description = "Owners: with an ownership period in the year, owning a car now; transfers in the year")
    public record Owners(long inYear, long current, long transfersInYear) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One category: what is held and for how long")
    public record CategoryFigures(String category, boolean consentRequired, String retention,
            @Schema(description = "Rows (one per record) held that were recorded in the year") long rowsFromYear,
            long vehiclesFromYear,
            @Schema(description = "Rows removed by retention purges during the year") long rowsPurgedInYear,
            long rowsHeld, long bytesHeld, Instant oldestHeld) {
    }

    @Schema(description = "Consent of one sensitive category: live now, given and withdrawn during the year")
    public record ConsentFigures(String category, long liveNow, long grantedInYear, long withdrawnInYear) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Erasure requests made in the year and how fast they were completed (hours from request "
            + "to completion; absent when none completed)")
    public record Erasure(long requested, long completed,
            @Schema(description = "Not done yet: waiting or running") long pending,
            @Schema(description = "Given up after every attempt failed") long failed,
            @Schema(description = "Completed after their legal deadline, or not completed and past it") long overdue,
            Double medianCompletionHours, Double maxCompletionHours) {
    }

    @Schema(description = "Records refused during the year because their car may not send data here")
    public record Refusals(String reason, long records, long vehicles) {
    }

    @Schema(description = "Audited actions during the year, by the role they were done under")
    public record Access(String role, String action, String outcome, long events, long actors) {
    }
}
