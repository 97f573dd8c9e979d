package cn.vdp.portal.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The erasure part of the portal's API, as storage-service keeps the requests. */
public final class ErasureApi {

    private ErasureApi() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Which of the caller's vehicles to erase; all of them when vins is absent or empty")
    public record NewErasureRequest(List<String> vins) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An erasure request and its progress; the receipt of the owner's request")
    public record ErasureRequest(String id,
            @Schema(description = "PENDING, RUNNING, COMPLETED or FAILED") String status,
            Instant requestedAt,
            @Schema(description = "The legal deadline: the 10th working day after the request (date in China)") LocalDate dueBy,
            List<String> vins, Instant completedAt,
            @Schema(description = "Rows removed: telemetry, consent and export records") Long rowsDeleted,
            @Schema(description = "Why the last attempt failed (no personal data)") String failure) {

        public boolean finished() {
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        }
    }
}
