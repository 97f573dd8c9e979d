package cn.vdp.ingest.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
class LimitsAndMalformedInputTest {

    private static final String JSON = "application/json";
    private final Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    /** A syntactically fine body just over 1 MB: one record with a long unknown field. */
    private byte[] overOneMegabyte(Car car) {
        String padding = "x".repeat(1024 * 1024);
        return ("{\"records\":[{\"vin\":\"" + car.vin + "\",\"seq\":1,\"recordedAt\":\"" + start
                + "\",\"signals\":{\"vehicle.speed\":1.0},\"padding\":\"" + padding + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesABodyOverOneMegabyteWith413Problem() throws Exception {
        Car car = Car.registered();
        double before = Metrics.value("ingest_record_too_big_total");

        Answer answer = car.send(overOneMegabyte(car), JSON);

        assertProblem(answer, 413, "payload-too-large");
        assertEquals(0, Storage.records(car.vin));
        assertEquals(before + 1, Metrics.value("ingest_record_too_big_total"));
    }

    @Test
    void refusesAChunkedBodyOverOneMegabyteWith413Problem() throws Exception {
        Car car = Car.registered();
        byte[] body = overOneMegabyte(car);

        // No length announced: the body arrives chunked and is refused once more than 1 MB was read.
        Answer answer = car.send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), JSON);

        assertProblem(answer, 413, "payload-too-large");
        assertEquals(0, Storage.records(car.vin));
    }

    @Test
    void refusesMoreRecordsThanABatchMayHoldAndStoresNoneOfThem() throws Exception {
        Car car = Car.registered();

        Answer answer = car.send(car.records(1, 301, start));

        assertProblem(answer, 413, "batch-too-large");
        assertEquals(0, Storage.records(car.vin));
    }

    @Test
    void refusesACarSendingFasterThanItsRateWith429AndRetryAfter() throws Exception {
        Car car = Car.registered();
        double before = Metrics.value("ingest_rate_limit_exceeded_total");
        assertEquals(200, car.send(car.records(1, 300, start)).status());

        Answer answer = car.send(car.records(301, 300, start.plusSeconds(300)));

        assertProblem(answer, 429, "too-many-requests");
        assertNotNull(answer.retryAfter());
        assertTrue(Integer.parseInt(answer.retryAfter()) >= 1);
        assertEquals(300, Storage.records(car.vin), "nothing of the refused batch was stored");
        assertEquals(before + 1, Metrics.value("ingest_rate_limit_exceeded_total"));
        Car other = Car.registered();
        assertEquals(200, other.send(other.records(1, 3, start)).status(), "the limit is per car");
    }

    @Test
    void answersMalformedPayloadsWithProblems() throws Exception {
        Car car = Car.registered();

        assertProblem(car.send("{\"records\": [".getBytes(StandardCharsets.UTF_8), JSON), 400, "malformed-request");
        assertProblem(car.send("not json at all".getBytes(StandardCharsets.UTF_8), JSON), 400, "malformed-request");
        assertProblem(car.send("{\"records\": {\"vin\": 1}}".getBytes(StandardCharsets.UTF_8), JSON), 400,
                "malformed-request");
        assertProblem(car.send(new byte[0], JSON), 400, "malformed-request");
        assertProblem(car.send("{\"records\":[]}".getBytes(StandardCharsets.UTF_8), JSON), 422, "validation-failed");
        assertProblem(car.send("<records/>".getBytes(StandardCharsets.UTF_8), "application/xml"), 415,
                "unsupported-media-type");
        Answer unknownSignal = car.send(List.of(car.record(1, start, Map.of("vehicle.speed", 10.0)),
                car.record(2, start.plusSeconds(1), Map.of("vehicle.warp_factor", 9.0))));
        assertProblem(unknownSignal, 422, "invalid-telemetry");
        assertTrue(unknownSignal.body().contains("/records/1/signals/vehicle.warp_factor"), unknownSignal.body());
        Answer wrongType = car.send(List.of(car.record(1, start, Map.of("vehicle.speed", "fast"))));
        assertProblem(wrongType, 422, "invalid-telemetry");
        assertEquals(0, Storage.records(car.vin), "a malformed batch is refused whole");
    }

    @Test
    void refusesRecordsFromTheFutureAndSequenceNumbersThatDoNotIncrease() throws Exception {
        Car car = Car.registered();

        Answer answer = car.send(List.of(
                car.record(5, start, Map.of("vehicle.speed", 10.0)),
                car.record(5, start.plusSeconds(1), Map.of("vehicle.speed", 11.0)),
                car.record(4, start.plusSeconds(2), Map.of("vehicle.speed", 12.0)),
                car.record(6, Instant.now().plus(1, ChronoUnit.HOURS), Map.of("vehicle.speed", 13.0)),
                car.record(7, start.plusSeconds(4), Map.of("vehicle.speed", 14.0))));

        assertEquals(List.of("STORED", "REFUSED", "REFUSED", "REFUSED", "STORED"), answer.statuses(), answer.body());
        assertEquals("sequence-not-increasing", answer.reasons().get(1));
        assertEquals("sequence-not-increasing", answer.reasons().get(2));
        assertEquals("recorded-at-in-future", answer.reasons().get(3));
        assertEquals(2, Storage.records(car.vin));
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.isProblem(), "problem+json expected, got " + answer.contentType());
        assertEquals("urn:vdp-cn:problem:" + type, answer.json().get("type"), answer.body());
    }
}
