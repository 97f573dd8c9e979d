package cn.vdp.common.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;

class TelemetryValidatorTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String VIN = "1M8GDM9AXKP042788";

    private static TelemetryRecord record(Map<String, JsonNode> signals) {
        return new TelemetryRecord(VIN, 1L, Instant.parse("2026-11-21T08:00:00Z"), signals);
    }

    @Test
    void acceptsRecordThatFollowsTheCatalogue() {
        TelemetryValidator.requireValid(new TelemetryBatch(List.of(record(Map.of(
                "vehicle.speed", JSON.numberNode(52.5),
                "vehicle.gear", JSON.textNode("D"),
                "cabin.occupants", JSON.numberNode(2),
                "vehicle.locked", JSON.booleanNode(false))))), 10);
    }

    @Test
    void namesUnknownSignalAndWrongTypesWithPointers() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> TelemetryValidator.requireValid(new TelemetryBatch(List.of(record(Map.of(
                        "vehicle.sped", JSON.numberNode(1),
                        "battery.soc", JSON.textNode("81"),
                        "cabin.occupants", JSON.numberNode(1.5),
                        "vehicle.gear", JSON.textNode("X"))))), 10));
        assertEquals(422, problem.type().status());
        List<String> pointers = problem.errors().stream().map(FieldError::pointer).sorted().toList();
        assertEquals(List.of("/records/0/signals/battery.soc", "/records/0/signals/cabin.occupants",
                "/records/0/signals/vehicle.gear", "/records/0/signals/vehicle.sped"), pointers);
    }

    @Test
    void refusesOutOfRangeValuesAndBadVin() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> TelemetryValidator.requireValid(new TelemetryBatch(List.of(new TelemetryRecord(
                        "1M8GDM9A1KP042788", -1L, null, Map.of("battery.soc", JSON.numberNode(101))))), 10));
        List<String> pointers = problem.errors().stream().map(FieldError::pointer).sorted().toList();
        assertEquals(List.of("/records/0/recordedAt", "/records/0/seq", "/records/0/signals/battery.soc",
                "/records/0/vin"), pointers);
    }

    @Test
    void refusesBatchOverTheRecordLimit() {
        TelemetryRecord one = record(Map.of("vehicle.speed", JSON.numberNode(1)));
        ProblemException problem = assertThrows(ProblemException.class,
                () -> TelemetryValidator.requireValid(new TelemetryBatch(Collections.nCopies(11, one)), 10));
        assertEquals(413, problem.type().status());
    }

    @Test
    void refusesEmptyBatchAndEmptySignals() {
        assertThrows(ProblemException.class,
                () -> TelemetryValidator.requireValid(new TelemetryBatch(List.of()), 10));
        ProblemException problem = assertThrows(ProblemException.class,
                () -> TelemetryValidator.requireValid(new TelemetryBatch(List.of(record(Map.of()))), 10));
        assertTrue(problem.errors().get(0).pointer().endsWith("/signals"));
    }
}
