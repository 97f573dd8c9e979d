package cn.vdp.storage.telemetry;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;

/** The read side's REST contract. */
public final class TelemetryApi {

    private TelemetryApi() {
    }

    @Schema(description = "One record as stored: the car's sequence number, its time and its signals")
    public record StoredRecord(long seq, Instant recordedAt,
            @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "Signal name to value",
                    example = "{\"vehicle.speed\": 52.5, \"battery.soc\": 81.0}") String signals) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A page of records, newest first; pass nextCursor to get the next page")
    public record RecordPage(String vin, List<StoredRecord> records, String nextCursor) {
    }

    @Schema(description = "The latest value of one signal")
    public record LatestValue(String signal, String category, String unit, JsonNode value, Instant recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Latest value of each signal within the caller's ownership, and the last contact")
    public record LatestValues(String vin, Instant lastContact, List<LatestValue> signals) {
    }
}
