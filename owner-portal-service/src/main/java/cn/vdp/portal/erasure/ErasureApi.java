package cn.vdp.portal.erasure;

import java.time.Instant;
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
            @Schema(description = "The legal deadline: 10 working days after the request") Instant dueBy,
            List<String> vins, Instant completedAt, Long rowsDeleted) {

        public boolean finished() {
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        }
    }
}
