package cn.vdp.ingest.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.vdp.ingest.support.Car;
import cn.vdp.ingest.support.Car.Answer;
import cn.vdp.ingest.support.IngestTest;
import cn.vdp.ingest.support.Metrics;
import cn.vdp.ingest.support.Storage;

@IngestTest
class MutualTlsTest {

    private final Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void storesRecordsOfACarWithAFleetCertificateAndAcknowledgesThemAfterTheCommit() throws Exception {
        Car car = Car.registered();

        Answer answer = car.send(car.records(1, 3, start));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of("STORED", "STORED", "STORED"), answer.statuses());
        assertEquals(3, Storage.records(car.vin), "acknowledged means committed");
    }

    @Test
    void refusesTheConnectionOfACertificateFromAnotherCa() throws Exception {
        Car rogue = Car.fromRogueCa();

        assertThrows(IOException.class, () -> rogue.send(rogue.records(1, 1, start)));
        assertEquals(0, Storage.records(rogue.vin));
    }

    @Test
    void refusesTheConnectionOfACarWithoutCertificate() throws Exception {
        Car anonymous = Car.withoutCertificate();

        assertThrows(IOException.class, () -> anonymous.send(anonymous.records(1, 1, start)));
        assertEquals(0, Storage.records(anonymous.vin));
    }

    @Test
    void refusesRecordWhoseVinDiffersFromCertificateAndStoresItUnderNeitherVin() throws Exception {
        Car car = Car.registered();
        Car other = Car.registered();
        double mismatchesBefore = Metrics.value("ingest_unauthorized_sender_id_total");

        Answer answer = car.send(List.of(
                car.record(1, start, Map.of("vehicle.speed", 10.0)),
                Car.record(other.vin, 2, start.plusSeconds(1), Map.of("vehicle.speed", 99.0)),
                car.record(3, start.plusSeconds(2), Map.of("vehicle.speed", 12.0))));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of("STORED", "REFUSED", "STORED"), answer.statuses());
        assertEquals("vin-mismatch", answer.reasons().get(1));
        assertEquals(2, Storage.records(car.vin));
        assertEquals(0, Storage.signals(car.vin, 2, "vehicle_state") == null ? 0 : 1, "not under the sender's VIN");
        assertEquals(0, Storage.records(other.vin), "not under the VIN in the record");
        assertTrue(Metrics.value("ingest_unauthorized_sender_id_total") >= mismatchesBefore + 1);
        assertTrue(Metrics.value("ingest_records_refused_total", "reason", "vin-mismatch") >= 1);
    }
}
