package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.specification.RequestSpecification;

import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/** Every read of personal data, every write by a person, every refused car and every purge leaves its event. */
@StorageTest
class AuditHooksTest {

    @Inject
    AgroalDataSource db;

    private String requestId;

    private RequestSpecification as(String token) {
        requestId = "t-" + UUID.randomUUID();
        return cn.vdp.storage.support.Api.as(token).header("X-Request-Id", requestId);
    }

    /** The one event of the last request. */
    private Map<String, Object> event() {
        List<Map<String, Object>> events = AuditRows.ofRequest(db, requestId);
        assertEquals(1, events.size(), "one event for request " + requestId + ": " + events);
        return events.get(0);
    }

    private static void assertEvent(Map<String, Object> event, String action, String outcome, String subject,
            String role, String vin) {
        assertEquals(action, event.get("action"));
        assertEquals(outcome, event.get("outcome"));
        assertEquals(subject, event.get("actor_subject"));
        assertEquals(role, event.get("actor_role"));
        assertEquals(vin, event.get("vin"));
    }

    @Test
    void registrationAndTransferAreAuditedAsTheOperatorsWrites() {
        String vin = TestVins.next();
        as(Tokens.operator()).body(Map.of("vin", vin, "market", "CN", "model", "Model Y", "ownerSubject", "alice"))
                .post("/api/v1/vehicles").then().statusCode(201).header("X-Request-Id", requestId);
        Map<String, Object> registered = event();
        assertEvent(registered, "vehicle.register", "success", "operator-1", "operator", vin);
        assertEquals("vdp-portal", registered.get("actor_client"));
        assertEquals("market=CN; owner=alice", registered.get("detail"));

        as(Tokens.operator()).body(Map.of("newOwnerSubject", "bob")).post("/api/v1/vehicles/" + vin + "/transfers")
                .then().statusCode(200);
        Map<String, Object> transferred = event();
        assertEvent(transferred, "vehicle.transfer", "success", "operator-1", "operator", vin);
        assertEquals("from=alice; to=bob", transferred.get("detail"));
    }

    @Test
    void ownerAndOperatorViewsOfVehiclesAreAudited() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("alice")).get("/api/v1/vehicles").then().statusCode(200);
        assertEvent(event(), "vehicle.list", "success", "alice", "owner", null);
        as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin).then().statusCode(200);
        assertEvent(event(), "vehicle.view", "success", "alice", "owner", vin);
        as(Tokens.operator()).get("/api/v1/vehicles/" + vin).then().statusCode(200);
        assertEvent(event(), "vehicle.view", "success", "operator-1", "operator", vin);
    }

    @Test
    void consentListAndChangesAreAuditedWithCategoryAndEnd() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + "/consents").then().statusCode(200);
        Map<String, Object> listed = event();
        assertEvent(listed, "consent.list", "success", "alice", "owner", vin);
        assertEquals("cabin_media,driving,location", listed.get("categories"));

        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as(Tokens.owner("alice")).body(Map.of("granted", true, "expiresAt", expiry.toString()))
                .put("/api/v1/vehicles/" + vin + "/consents/location").then().statusCode(200);
        Map<String, Object> granted = event();
        assertEvent(granted, "consent.change", "success", "alice", "owner", vin);
        assertEquals("location", granted.get("categories"));
        assertEquals("granted", granted.get("detail"));
        assertEquals(expiry, ((java.sql.Timestamp) granted.get("range_to")).toInstant());

        as(Tokens.owner("alice")).body(Map.of("granted", false)).put("/api/v1/vehicles/" + vin + "/consents/location")
                .then().statusCode(200);
        assertEquals("withdrawn", event().get("detail"));
    }

    @Test
    void telemetryReadsNameCategoriesAndRangeButNeverValues() throws InterruptedException {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Thread.sleep(1000); // recorded inside alice's ownership, which starts at registration
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        cn.vdp.storage.support.Api.send(List.of(record(vin, 1, at, Map.of("location.latitude", 31.2304,
                "location.longitude", 121.4737, "battery.soc", 80.5)))).then().statusCode(200);

        Instant from = at.minusSeconds(3600);
        Instant to = at.plusSeconds(3600);
        as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + "/telemetry?signal=location.latitude&from=" + from
                + "&to=" + to).then().statusCode(200).body("records[0].signals.'location.latitude'", equalTo(31.2304f));
        Map<String, Object> read = event();
        assertEvent(read, "telemetry.read", "success", "alice", "owner", vin);
        assertEquals("location", read.get("categories"));
        assertEquals(from, ((java.sql.Timestamp) read.get("range_from")).toInstant());
        assertEquals(to, ((java.sql.Timestamp) read.get("range_to")).toInstant());
        // Committed while the query ran, before its result was known: the page size asked, not the records given.
        assertEquals(null, read.get("quantity"));
        assertEquals("limit=100", read.get("detail"));

        as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + "/latest").then().statusCode(200);
        Map<String, Object> latest = event();
        assertEvent(latest, "telemetry.latest", "success", "alice", "owner", vin);
        assertEquals("battery,cabin_media,diagnostics,driving,location,vehicle_state", latest.get("categories"),
                "every category the read looked in");

        long leaking = Rows.count(db, "SELECT count(*) FROM audit_event WHERE vin = ? AND (audit_event::text LIKE "
                + "'%31.2304%' OR audit_event::text LIKE '%121.4737%' OR audit_event::text LIKE '%80.5%')", vin);
        assertEquals(0, leaking, "no coordinates or other signal values in the trail");
    }

    @Test
    void recordsOfCarsThatMayNotSendDataAreAuditedOncePerCarAndBatch() {
        String foreign = TestVins.next();
        String unknown = TestVins.next();
        String chinese = TestVins.next();
        register(foreign, "US", "alice");
        register(chinese, "CN", "alice");
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        as(Tokens.ingest()).body(Map.of("records", List.of(record(foreign, 7, at), record(foreign, 9, at.plusSeconds(2)),
                record(unknown, 1, at), record(chinese, 1, at)))).post("/api/v1/telemetry/batches")
                .then().statusCode(200).body("stored", equalTo(1)).body("refused", equalTo(3));
        List<Map<String, Object>> events = AuditRows.ofRequest(db, requestId);
        assertEquals(2, events.size(), events.toString());
        Map<String, Object> notChina = events.stream().filter(e -> foreign.equals(e.get("vin"))).findFirst().orElseThrow();
        assertEvent(notChina, "telemetry.refused", "refused", "service-account-vdp-ingest", "ingest", foreign);
        assertEquals(2L, notChina.get("quantity"));
        assertEquals("battery,vehicle_state", notChina.get("categories"));
        assertEquals("reason=not-china-market; seq=7..9", notChina.get("detail"));
        assertEquals(at, ((java.sql.Timestamp) notChina.get("range_from")).toInstant());
        Map<String, Object> unregistered = events.stream().filter(e -> unknown.equals(e.get("vin"))).findFirst()
                .orElseThrow();
        assertEquals("reason=unregistered-vehicle; seq=1..1", unregistered.get("detail"));
        assertEquals(0, Rows.telemetryRows(db, foreign), "nothing of the foreign car is stored");

        as(Tokens.ingest()).body(Map.of("records", List.of(record(chinese, 2, at.plusSeconds(1)))))
                .post("/api/v1/telemetry/batches").then().statusCode(200).body("stored", equalTo(1));
        assertTrue(AuditRows.ofRequest(db, requestId).isEmpty(), "a clean batch writes no audit event");
    }

    @Test
    void retentionPurgeIsAuditedPerCategoryAndLeavesTheTrailAlone() {
        long eventsBefore = Rows.count(db, "SELECT count(*) FROM audit_event");
        as(Tokens.operator()).post("/api/v1/retention/purges").then().statusCode(200);
        List<Map<String, Object>> events = AuditRows.ofRequest(db, requestId);
        assertEquals(6, events.size(), "one event per category: " + events);
        events.forEach(e -> assertEvent(e, "retention.purge", "success", "operator-1", "operator", null));
        assertTrue(events.stream().allMatch(e -> e.get("range_to") != null && e.get("quantity") != null));
        assertEquals(eventsBefore + 6, Rows.count(db, "SELECT count(*) FROM audit_event"),
                "the purge removes no audit event");
    }

    @Test
    void someoneElsesVinIsDeniedAndAuditedAndNothingElseHappens() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("mallory")).get("/api/v1/vehicles/" + vin + "/telemetry").then().statusCode(404)
                .body("requestId", equalTo(requestId));
        Map<String, Object> denied = event();
        assertEvent(denied, "telemetry.read", "denied", "mallory", "owner", vin);
        assertEquals("404 GET /api/v1/vehicles/{vin}/telemetry", denied.get("detail"));

        as(Tokens.owner("mallory")).body(Map.of("granted", true, "expiresAt", Instant.now().plusSeconds(3600).toString()))
                .put("/api/v1/vehicles/" + vin + "/consents/location").then().statusCode(404);
        assertEvent(event(), "consent.change", "denied", "mallory", "owner", vin);
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM consent WHERE vin = ?", vin), "no consent stored");

        as(Tokens.ingest()).get("/api/v1/vehicles/" + vin + "/latest").then().statusCode(403);
        assertEvent(event(), "telemetry.latest", "denied", "service-account-vdp-ingest", "ingest", vin);
    }

    @Test
    void requestsWithoutAValidTokenLeaveNoEvent() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        requestId = "t-" + UUID.randomUUID();
        io.restassured.RestAssured.given().header("X-Request-Id", requestId).get("/api/v1/vehicles/" + vin + "/telemetry")
                .then().statusCode(401);
        assertFalse(AuditRows.ofRequest(db, requestId).iterator().hasNext());
    }
}
