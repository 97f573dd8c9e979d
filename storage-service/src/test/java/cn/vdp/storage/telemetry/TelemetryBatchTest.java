package cn.vdp.storage.telemetry;

import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.records;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;

import cn.vdp.storage.support.Api;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class TelemetryBatchTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    private final Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void sameBatchSentThreeTimesIsStoredOnce() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        List<Map<String, Object>> batch = records(vin, 1, 3, start);

        send(batch).then().statusCode(200).body("stored", equalTo(3)).body("duplicates", equalTo(0))
                .body("records.status", equalTo(List.of("STORED", "STORED", "STORED")));
        for (int retry = 0; retry < 2; retry++) {
            send(batch).then().statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(3))
                    .body("records.status", equalTo(List.of("DUPLICATE", "DUPLICATE", "DUPLICATE")));
        }
        assertEquals(3, Rows.records(db, vin));
        assertEquals(6, Rows.telemetryRows(db, vin), "each record has a vehicle-state and a battery row");
    }

    @Test
    void concurrentBatchesWithOverlappingRecordsStoreEachRecordOnce() throws Exception {
        String vinA = TestVins.next();
        String vinB = TestVins.next();
        register(vinA, "CN", "alice");
        register(vinB, "CN", "alice");
        // Eight batches of 200 records; batch i overlaps batch i+1 by half, and both cars are in every batch,
        // in opposite orders, so that a deadlock would show if the insert order were not fixed.
        List<Callable<Response>> senders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            List<Map<String, Object>> batch = new ArrayList<>(records(vinA, i * 50L, 100, start.plusSeconds(i * 50L)));
            List<Map<String, Object>> other = new ArrayList<>(records(vinB, i * 50L, 100, start.plusSeconds(i * 50L)));
            Collections.reverse(other);
            batch.addAll(i % 2 == 0 ? 0 : batch.size(), other);
            senders.add(() -> send(batch));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int stored = 0;
        int duplicates = 0;
        try {
            for (Future<Response> answer : pool.invokeAll(senders)) {
                Response response = answer.get();
                assertEquals(200, response.statusCode(), response.asString());
                stored += response.<Integer>path("stored");
                duplicates += response.<Integer>path("duplicates");
            }
        } finally {
            pool.shutdown();
        }
        int distinctPerCar = 7 * 50 + 100;
        assertEquals(2 * distinctPerCar, stored, "every distinct record is reported stored exactly once");
        assertEquals(8 * 200 - 2 * distinctPerCar, duplicates);
        assertEquals(distinctPerCar, Rows.records(db, vinA));
        assertEquals(distinctPerCar, Rows.records(db, vinB));
    }

    @Test
    void refusesRecordsOfNonChinaAndUnregisteredVehiclesAndStoresTheRest() {
        String china = TestVins.next();
        String europe = TestVins.next();
        String unknown = TestVins.next();
        register(china, "CN", "alice");
        register(europe, "DE", "alice");

        send(List.of(record(china, 1, start), record(europe, 1, start), record(unknown, 1, start)))
                .then().statusCode(200)
                .body("stored", equalTo(1)).body("refused", equalTo(2))
                .body("records[0].status", equalTo("STORED"))
                .body("records[1].status", equalTo("REFUSED"))
                .body("records[1].reason", equalTo("not-china-market"))
                .body("records[2].status", equalTo("REFUSED"))
                .body("records[2].reason", equalTo("unregistered-vehicle"));

        assertEquals(1, Rows.records(db, china));
        assertEquals(0, Rows.telemetryRows(db, europe));
        assertEquals(0, Rows.telemetryRows(db, unknown));
    }

    @Test
    void refusesRecordsRecordedTooLongAgoOrInTheFuture() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Instant now = Instant.now();
        send(List.of(record(vin, 1, now.minus(8, ChronoUnit.DAYS)), record(vin, 2, now.plus(1, ChronoUnit.HOURS)),
                record(vin, 3, now.minusSeconds(5))))
                .then().statusCode(200)
                .body("records.reason", equalTo(Arrays.asList("recorded-at-too-old", "recorded-at-in-future", null)));
        assertEquals(1, Rows.records(db, vin));
    }

    @Test
    void answersDuplicateForARecordRepeatedInsideOneBatch() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        send(List.of(record(vin, 7, start), record(vin, 7, start)))
                .then().statusCode(200).body("records.status", equalTo(List.of("STORED", "DUPLICATE")));
        assertEquals(1, Rows.records(db, vin));
    }

    @Test
    void refusesBatchWithBadVinWholeAndStoresNothing() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        String badVin = vin.substring(0, 8) + (vin.charAt(8) == '1' ? '2' : '1') + vin.substring(9);
        send(List.of(record(vin, 1, start), record(badVin, 2, start)))
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:vdp-cn:problem:invalid-telemetry"))
                .body("errors.pointer", hasItem("/records/1/vin"))
                .body("errors[0].detail", containsString("check digit"));
        assertEquals(0, Rows.telemetryRows(db, vin));
    }

    @Test
    void refusesUnknownSignalAndWrongTypesWithProblemAndStoresNothing() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        send(List.of(record(vin, 1, start), record(vin, 2, start, Map.of("vehicle.warp_factor", 9))))
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.pointer", equalTo(List.of("/records/1/signals/vehicle.warp_factor")))
                .body("errors[0].detail", containsString("unknown signal"));
        send(List.of(record(vin, 3, start, Map.of("battery.soc", "full", "vehicle.locked", 1))))
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.detail", hasItem("expected a number but got a string"))
                .body("errors.detail", hasItem("expected a boolean but got an integer"));
        assertEquals(0, Rows.telemetryRows(db, vin));
    }

    @Test
    void refusesBatchOverTheRecordLimitWith413() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        send(records(vin, 0, 501, start)).then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:vdp-cn:problem:batch-too-large"));
        assertEquals(0, Rows.telemetryRows(db, vin));
    }

    @Test
    void refusesBodyOverTheByteLimitWith413() {
        String padding = "A".repeat(200_000);
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 12; i++) {
            body.append(i == 0 ? "" : ",").append("{\"vin\":\"x\",\"seq\":1,\"signals\":{\"cabin.camera_frame\":\"")
                    .append(padding).append("\"}}");
        }
        body.append("]}");
        Api.as(Tokens.ingest()).body(body.toString()).post("/api/v1/telemetry/batches")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:vdp-cn:problem:payload-too-large"));
    }

    @Test
    void refusesMalformedJsonWithProblem() {
        Api.as(Tokens.ingest()).body("{\"records\": [ {\"vin\": \"LRW").post("/api/v1/telemetry/batches")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:vdp-cn:problem:malformed-request"));
        Api.as(Tokens.ingest()).body("{\"records\": [{\"seq\": \"one\"}]}").post("/api/v1/telemetry/batches")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/records/0/seq"));
        Api.as(Tokens.ingest()).body("[]").post("/api/v1/telemetry/batches")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void onlyTheIngestRoleMayWrite() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Api.as(Tokens.owner("alice")).body(Map.of("records", List.of(record(vin, 1, start))))
                .post("/api/v1/telemetry/batches").then().statusCode(403).contentType(PROBLEM);
        Api.as(Tokens.operator()).body(Map.of("records", List.of(record(vin, 1, start))))
                .post("/api/v1/telemetry/batches").then().statusCode(403).contentType(PROBLEM);
        assertEquals(0, Rows.telemetryRows(db, vin));
    }
}
