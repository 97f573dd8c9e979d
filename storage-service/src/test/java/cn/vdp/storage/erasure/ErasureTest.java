package cn.vdp.storage.erasure;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static cn.vdp.storage.support.Api.transfer;
import static cn.vdp.storage.support.Exports.download;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class ErasureTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    @Inject
    ErasureJob job;

    @Test
    void erasureRemovesTheRequestersPeriodsAndKeepsTheNextOwnersData() throws Exception {
        String sold = TestVins.next();
        String kept = TestVins.next();
        register(sold, "CN", "era-alice");
        register(kept, "CN", "era-alice");
        Thread.sleep(5);
        send(batch(sold, 1, 3)).then().statusCode(200);
        send(batch(kept, 1, 2)).then().statusCode(200);
        Thread.sleep(1005);
        transfer(sold, "era-bob");
        Thread.sleep(5);
        send(batch(sold, 10, 4)).then().statusCode(200);
        grantLocation("era-alice", kept);
        grantLocation("era-bob", sold);
        download("era-alice");
        download("era-bob");
        assertEquals(6, aliceRowsOf(sold));
        assertEquals(8, bobRowsOf(sold));

        ExtractableResponse<Response> accepted = as(Tokens.owner("era-alice")).body(Map.of())
                .post("/api/v1/erasure-requests").then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("vins", equalTo(List.of(kept, sold).stream().sorted().toList()))
                .body("dueBy", equalTo(new WorkingDays(Set.of(), Set.of())
                        .after(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).toString()))
                .extract();
        String id = accepted.path("id");
        assertEquals("/api/v1/erasure-requests/" + id, accepted.header("Location").replaceFirst("^https?://[^/]+", ""));

        awaitCompleted("era-alice", id)
                .body("rowsDeleted", equalTo(6 + 4 + 1 + 1))
                .body("erased.telemetryRows", equalTo(10))
                .body("erased.consentRows", equalTo(1))
                .body("erased.exportRecords", equalTo(1))
                .body("erased.periods.find { it.vin == '" + sold + "' }.telemetryRows", equalTo(6))
                .body("erased.periods.find { it.vin == '" + kept + "' }.to", equalTo(null));

        assertEquals(0, aliceRowsOf(sold), "nothing left of alice's period");
        assertEquals(0, Rows.telemetryRows(db, kept), "nor of the car she still owns");
        assertEquals(8, bobRowsOf(sold), "the next owner's data stays");
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM consent WHERE vin = ?", kept));
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM consent WHERE vin = ?", sold), "bob's consent stays");
        assertEquals(0, exportsOf("era-alice"));
        assertEquals(1, exportsOf("era-bob"));
        as(Tokens.owner("era-bob")).get("/api/v1/vehicles/" + sold + "/telemetry").then().statusCode(200)
                .body("records.seq", equalTo(List.of(13, 12, 11, 10)));
        as(Tokens.owner("era-alice")).get("/api/v1/erasure-requests").then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].status", equalTo("COMPLETED"));
    }

    @Test
    void onlyTheNamedVehicleIsErased() throws Exception {
        String one = TestVins.next();
        String other = TestVins.next();
        register(one, "CN", "era-carol");
        register(other, "CN", "era-carol");
        Thread.sleep(5);
        send(batch(one, 1, 2)).then().statusCode(200);
        send(batch(other, 1, 2)).then().statusCode(200);
        String id = as(Tokens.owner("era-carol")).body(Map.of("vins", List.of(one, one)))
                .post("/api/v1/erasure-requests").then().statusCode(202).body("vins", equalTo(List.of(one)))
                .extract().path("id");
        awaitCompleted("era-carol", id).body("erased.telemetryRows", equalTo(4));
        assertEquals(0, Rows.telemetryRows(db, one));
        assertEquals(4, Rows.telemetryRows(db, other));
    }

    @Test
    void nobodyCanSeeOrAskErasureOfAVehicleTheyNeverOwned() {
        String vin = TestVins.next();
        register(vin, "CN", "era-dave");
        String id = as(Tokens.owner("era-dave")).body(Map.of("vins", List.of(vin)))
                .post("/api/v1/erasure-requests").then().statusCode(202).extract().path("id");

        for (String target : List.of(vin, TestVins.next(), "NOT-A-VIN")) {
            as(Tokens.owner("era-mallory")).body(Map.of("vins", List.of(target))).post("/api/v1/erasure-requests")
                    .then().statusCode(404).contentType(PROBLEM);
        }
        as(Tokens.owner("era-mallory")).get("/api/v1/erasure-requests/" + id).then().statusCode(404)
                .contentType(PROBLEM);
        as(Tokens.owner("era-mallory")).get("/api/v1/erasure-requests/not-a-uuid").then().statusCode(404);
        as(Tokens.owner("era-mallory")).get("/api/v1/erasure-requests").then().statusCode(200)
                .body("id", not(hasItem(id)));
        as(Tokens.operator()).body(Map.of()).post("/api/v1/erasure-requests").then().statusCode(403)
                .contentType(PROBLEM);
        given().contentType("application/json").body("{}").post("/api/v1/erasure-requests").then().statusCode(401);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(vin);
        }
        as(Tokens.owner("era-dave")).body(Map.of("vins", many)).post("/api/v1/erasure-requests").then()
                .statusCode(422).contentType(PROBLEM);
        as(Tokens.owner("era-dave")).body("{\"vins\": 7}").post("/api/v1/erasure-requests").then()
                .statusCode(400).contentType(PROBLEM);
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM erasure_request WHERE subject = 'era-mallory'"),
                "no request was stored for a refused one");
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM erasure_request WHERE subject = 'era-dave'"));
    }

    @Test
    void aRequestLeftRunningByAWorkerThatDiedIsCarriedOutAgain() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "era-erin");
        Thread.sleep(5);
        send(batch(vin, 1, 2)).then().statusCode(200);
        // As a replica leaves it when it dies after claiming the request: RUNNING, locked by nobody.
        UUID crashed = insertRequest("era-erin", vin, "RUNNING", 1);
        job.drain();
        awaitCompleted("era-erin", crashed.toString()).body("erased.telemetryRows", equalTo(4));
        assertEquals(2, Rows.count(db, "SELECT attempts FROM erasure_request WHERE id = ?", crashed));
        // Carried out once more (a crash after the commit, before anyone noticed): harmless.
        UUID again = insertRequest("era-erin", vin, "PENDING", 0);
        job.drain();
        awaitCompleted("era-erin", again.toString()).body("erased.telemetryRows", equalTo(0))
                .body("rowsDeleted", equalTo(0));
    }

    @Test
    void withoutAnyBodyEveryVehicleTheCallerOwnedIsErased() {
        String vin = TestVins.next();
        register(vin, "CN", "era-frank");
        as(Tokens.owner("era-frank")).post("/api/v1/erasure-requests").then().statusCode(202)
                .body("vins", equalTo(List.of(vin)));
    }

    private static List<Map<String, Object>> batch(String vin, long firstSeq, int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        Instant at = Instant.now();
        for (int i = 0; i < count; i++) {
            records.add(record(vin, firstSeq + i, at.plusMillis(i)));
        }
        return records;
    }

    private static void grantLocation(String owner, String vin) {
        as(Tokens.owner(owner)).body(Map.of("granted", true, "expiresAt",
                Instant.now().plus(3, ChronoUnit.DAYS).toString()))
                .put("/api/v1/vehicles/" + vin + "/consents/location").then().statusCode(200);
    }

    private long aliceRowsOf(String vin) {
        return Rows.count(db, "SELECT count(*) FROM telemetry WHERE vin = ? AND seq < 10", vin);
    }

    private long bobRowsOf(String vin) {
        return Rows.count(db, "SELECT count(*) FROM telemetry WHERE vin = ? AND seq >= 10", vin);
    }

    private long exportsOf(String subject) {
        return Rows.count(db, "SELECT count(*) FROM export_record WHERE subject = ?", subject);
    }

    private UUID insertRequest(String subject, String vin, String status, int attempts) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO erasure_request (id, subject, vins, status, requested_at, due_by, next_attempt_at, attempts)
                VALUES (?, ?, ARRAY[?], ?, now(), current_date + 14, now(), ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, subject);
            insert.setString(3, vin);
            insert.setString(4, status);
            insert.setInt(5, attempts);
            insert.executeUpdate();
        }
        return id;
    }

    private static ValidatableResponse awaitCompleted(String owner, String id)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            var response = as(Tokens.owner(owner)).get("/api/v1/erasure-requests/" + id).then().statusCode(200);
            String status = response.extract().path("status");
            if ("COMPLETED".equals(status)) {
                return response.body("completedAt", notNullValue());
            }
            if ("FAILED".equals(status)) {
                fail("erasure failed: " + response.extract().asString());
            }
            Thread.sleep(100);
        }
        fail("erasure " + id + " not completed within 20 s");
        return null;
    }
}
