package cn.vdp.portal.history;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The history part of the portal's API: storage-service's record pages, passed on to apps. */
public final class TelemetryApi {

    private TelemetryApi() {
    }

    @Schema(description = "One record as stored: the car's sequence number, its time and its signals")
    public record StoredRecord(long seq, Instant recordedAt,
            @Schema(description = "Signal name to value") ObjectNode signals) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A page of records, newest first; pass nextCursor to get the next page")
    public record RecordPage(String vin, List<StoredRecord> records, String nextCursor) {
    }
}
