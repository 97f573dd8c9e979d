package cn.vdp.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.telemetry.TelemetryRecord;
import cn.vdp.common.telemetry.TelemetryValidator;
import cn.vdp.devcerts.DevCertificates;

class SimulatedCarTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void drivesParksAndChargesWithRecordsThatFollowTheContractAndIncreasingSequenceNumbers() throws Exception {
        String vin = DevCertificates.carVin(1);
        SimulatedCar car = new SimulatedCar(vin, 42, 1_000);
        Set<SimulatedCar.State> seen = EnumSet.noneOf(SimulatedCar.State.class);
        Set<String> signals = new java.util.HashSet<>();
        Instant at = Instant.parse("2026-11-21T08:00:00Z");
        long previous = -1;
        for (int tick = 0; tick < 20_000; tick++) {
            TelemetryRecord record = JSON.readValue(car.next(at.plusSeconds(tick)), TelemetryRecord.class);
            seen.add(car.state());
            List<FieldError> errors = new ArrayList<>();
            TelemetryValidator.collectErrors("/records/" + tick, record, errors);
            assertEquals(List.of(), errors);
            assertEquals(vin, record.vin());
            assertTrue(record.seq() > previous);
            previous = record.seq();
            signals.addAll(record.signals().keySet());
        }
        assertEquals(EnumSet.allOf(SimulatedCar.State.class), seen, "trips, parking and charging");
        assertTrue(signals.containsAll(Set.of("location.latitude", "driving.brake_pedal", "charging.power",
                "battery.soc", "vehicle.speed")), signals.toString());
    }
}
