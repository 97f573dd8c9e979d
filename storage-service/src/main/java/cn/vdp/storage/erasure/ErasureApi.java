package cn.vdp.storage.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The erasure REST contract. */
public final class ErasureApi {

    private ErasureApi() {
    }

    @Schema(description = "What to erase; without vins (or with an empty list), every vehicle the caller owns or owned")
    public record ErasureBody(List<String> vins) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An erasure request and its receipt")
    public record ErasureView(UUID id,
            @Schema(description = "PENDING, RUNNING, COMPLETED or FAILED") ErasureStatus status,
            Instant requestedAt,
            @Schema(description = "Legal deadline: the 10th working day after the request (local date in China)") LocalDate dueBy,
            List<String> vins,
            Instant startedAt,
            Instant completedAt,
            @Schema(description = "All rows removed: telemetry, consent and export records") Long rowsDeleted,
            @Schema(description = "What was removed, once completed") Erased erased,
            @Schema(description = "Why the last attempt failed (no personal data)") String failure) {
    }

    @Schema(description = "What one erasure removed")
    public record Erased(long telemetryRows, long consentRows, long exportRecords, List<ErasedPeriod> periods) {

        public long total() {
            return telemetryRows + consentRows + exportRecords;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The telemetry of one ownership period of one vehicle (to is absent for a current period)")
    public record ErasedPeriod(String vin, Instant from, Instant to, long telemetryRows) {
    }
}
