package cn.vdp.common.telemetry;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** One reading of one car: the shape cars send to ingest and ingest sends to storage. */
@Schema(description = "One telemetry record of one vehicle")
public record TelemetryRecord(
        @Schema(description = "Vehicle identification number (17 characters, check digit in position 9)", example = "LRW3E7FS5PC123456") String vin,
        @Schema(description = "The car's own strictly increasing record number; (vin, seq) identifies a record") Long seq,
        @Schema(description = "When the car measured the values (ISO-8601, UTC)") Instant recordedAt,
        @Schema(description = "Signal name to value, names from the signal catalogue", example = "{\"vehicle.speed\": 52.5, \"battery.soc\": 81.0}") Map<String, JsonNode> signals) {
}
