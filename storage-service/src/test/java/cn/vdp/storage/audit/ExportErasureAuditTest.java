package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static cn.vdp.storage.support.Api.transfer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.specification.RequestSpecification;

import cn.vdp.common.export.ExportManifest;
import cn.vdp.common.signal.Category;
import cn.vdp.storage.erasure.ErasureJob;
import cn.vdp.storage.export.ExportConfig;
import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.Exports;
import cn.vdp.storage.support.PostgresResource;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.Superuser;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;
import cn.vdp.storage.support.Zips;

/**
 * Exports and erasures are on record: every download (before its first byte, per vehicle, with categories and the
 * span of the caller's periods) and its completion, every refusal, every erasure request and its execution.
 */
@StorageTest
class ExportErasureAuditTest {

    private static final String ALL_CATEGORIES = Arrays.stream(Category.values()).map(Category::code).sorted()
            .collect(Collectors.joining(","));

    @Inject
    AgroalDataSource db;

    @Inject
    ErasureJob job;

    @Inject
    ExportConfig exportConfig;

    @ConfigProperty(name = PostgresResource.SUPERUSER_URL)
    String superuserUrl;

    private String requestId;

    private RequestSpecification as(String token) {
        requestId = "x-" + UUID.randomUUID();
        return cn.vdp.storage.support.Api.as(token).header("X-Request-Id", requestId);
    }

    @Test
    void aDownloadIsOnRecordPerVehicleBeforeItsBytesAndItsCompletionWithTheRecordsGivenOut() throws Exception {
        String kept = TestVins.next();
        String sold = TestVins.next();
        register(kept, "CN", "exa-alice");
        register(sold, "CN", "exa-alice");
        Thread.sleep(5);
        send(List.of(record(kept, 1, Instant.now()), record(sold, 1, Instant.now()))).then().statusCode(200);
        Thread.sleep(5);
        transfer(sold, "exa-bob");

        byte[] zip = as(Tokens.owner("exa-alice")).get("/api/v1/exports/mine").then().statusCode(200)
                .extract().asByteArray();
        ExportManifest manifest = ExportManifest.parse(Zips.unzip(zip).get(ExportManifest.FILE_NAME));

        List<Map<String, Object>> events = AuditRows.ofRequest(db, requestId);
        assertEquals(3, events.size(), "one download event per vehicle, then the completion: " + events);
        for (Map<String, Object> download : events.subList(0, 2)) {
            assertEquals("export.download", download.get("action"));
            assertEquals("success", download.get("outcome"));
            assertEquals("exa-alice", download.get("actor_subject"));
            assertEquals("owner", download.get("actor_role"));
            assertEquals("vdp-portal", download.get("actor_client"));
            assertEquals(ALL_CATEGORIES, download.get("categories"));
            assertEquals("exportId=" + manifest.exportId() + "; periods=1", download.get("detail"));
            assertNotNull(download.get("range_from"));
        }
        Map<String, Object> soldEvent = events.stream().filter(e -> sold.equals(e.get("vin"))).findFirst().orElseThrow();
        assertEquals(ownershipEnd(sold, "exa-alice"), ((Timestamp) soldEvent.get("range_to")).toInstant(),
                "a sold car: up to the transfer");
        assertTrue(events.stream().anyMatch(e -> kept.equals(e.get("vin"))));

        Map<String, Object> complete = events.get(2);
        assertEquals("export.complete", complete.get("action"));
        assertEquals("exa-alice", complete.get("actor_subject"));
        assertEquals("vdp-portal", complete.get("actor_client"));
        assertEquals(2L, complete.get("quantity"), "the records given out");
        assertEquals("exportId=" + manifest.exportId() + "; vehicles=2", complete.get("detail"));
    }

    @Test
    void aDownloadThatCannotBeAuditedIsRefusedWithProblemAndGivesNothingOut() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "exa-carol");
        Thread.sleep(5);
        send(List.of(record(vin, 1, Instant.now()))).then().statusCode(200);
        long before = AuditRows.lastId(db);
        try (Superuser admin = new Superuser(superuserUrl)) {
            admin.execute("REVOKE EXECUTE ON FUNCTION audit_append(jsonb) FROM " + appRole());
            try {
                // More attempts than export slots: a refused download must not keep its slot.
                for (int i = 0; i <= exportConfig.maxConcurrent(); i++) {
                    as(Tokens.owner("exa-carol")).get("/api/v1/exports/mine").then().statusCode(503)
                            .contentType("application/problem+json")
                            .body("type", equalTo("urn:vdp-cn:problem:audit-unavailable"));
                }
            } finally {
                admin.execute("GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO " + appRole());
            }
        }
        assertEquals(before, AuditRows.lastId(db), "nothing appended");
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM export_record WHERE subject = 'exa-carol'"),
                "no export was made");
        Exports.download("exa-carol"); // and the slots are free again
    }

    @Test
    void refusedDownloadsAreOnRecordAsDenied() {
        String vin = TestVins.next();
        register(vin, "CN", "exa-dave");
        as(Tokens.owner("exa-mallory")).get("/api/v1/exports/mine?vin=" + vin).then().statusCode(404);
        Map<String, Object> denied = only(AuditRows.ofRequest(db, requestId));
        assertEquals("export.download", denied.get("action"));
        assertEquals("denied", denied.get("outcome"));
        assertEquals(vin, denied.get("vin"));
        assertEquals("exa-mallory", denied.get("actor_subject"));

        as(Tokens.regulator()).get("/api/v1/exports/mine").then().statusCode(403);
        denied = only(AuditRows.ofRequest(db, requestId));
        assertEquals("export.download", denied.get("action"));
        assertEquals("denied", denied.get("outcome"));
        assertEquals("regulator", denied.get("actor_role"));
    }

    @Test
    void anErasureRequestAndItsExecutionAreOnRecordWithTheRequestsId() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "exa-erin");
        Thread.sleep(5);
        send(List.of(record(vin, 1, Instant.now()), record(vin, 2, Instant.now().plusMillis(1)))).then().statusCode(200);
        String id = as(Tokens.owner("exa-erin")).body(Map.of("vins", List.of(vin))).post("/api/v1/erasure-requests")
                .then().statusCode(202).extract().path("id");
        Map<String, Object> asked = only(AuditRows.ofRequest(db, requestId));
        assertEquals("erasure.request", asked.get("action"));
        assertEquals("success", asked.get("outcome"));
        assertEquals("exa-erin", asked.get("actor_subject"));
        assertEquals("owner", asked.get("actor_role"));
        assertEquals(vin, asked.get("vin"));
        assertEquals("request=" + id, asked.get("detail"));

        Map<String, Object> done = awaitEvent("erasure.execute", "request=" + id + ";%");
        assertEquals("success", done.get("outcome"));
        assertEquals("system", done.get("actor_role"));
        assertEquals("storage-service/erasure", done.get("actor_subject"));
        assertNull(done.get("request_id"), "the job's own work, not a request's");
        assertEquals(vin, done.get("vin"));
        assertEquals(4L, done.get("quantity"), "telemetry rows erased: 2 records of 2 categories");
        assertEquals("request=" + id + "; owner=exa-erin; consentRows=0; exportRecords=0", done.get("detail"));
        assertEquals(Rows.count(db, "SELECT floor(extract(epoch FROM valid_from))::bigint FROM ownership WHERE vin = ?", vin),
                ((Timestamp) done.get("range_from")).toInstant().getEpochSecond());

        as(Tokens.owner("exa-mallory")).body(Map.of("vins", List.of(vin))).post("/api/v1/erasure-requests")
                .then().statusCode(404);
        Map<String, Object> denied = only(AuditRows.ofRequest(db, requestId));
        assertEquals("erasure.request", denied.get("action"));
        assertEquals("denied", denied.get("outcome"));
    }

    @Test
    void anErasureTheJobGivesUpOnIsOnRecordAsFailed() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "exa-frank");
        UUID id = UUID.randomUUID();
        int maxAttempts = ConfigProvider.getConfig().getValue("storage.erasure.max-attempts", Integer.class);
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO erasure_request (id, subject, vins, status, requested_at, due_by, next_attempt_at, attempts)
                VALUES (?, 'exa-frank', ARRAY[?], 'RUNNING', now(), current_date + 14, now(), ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, vin);
            insert.setInt(3, maxAttempts);
            insert.executeUpdate();
        }
        job.drain();
        Map<String, Object> failed = awaitEvent("erasure.execute", "request=" + id + ";%");
        assertEquals("failed", failed.get("outcome"));
        assertEquals("request=" + id + "; owner=exa-frank; gave up after " + maxAttempts + " attempts",
                failed.get("detail"));
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM erasure_request WHERE id = ? AND status = 'FAILED'", id));
    }

    private Map<String, Object> awaitEvent(String action, String detailLike) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            long id = Rows.count(db, "SELECT coalesce(max(id), 0) FROM audit_event WHERE action = ? AND detail LIKE ?",
                    action, detailLike);
            if (id > 0) {
                return only(AuditRows.after(db, id - 1).subList(0, 1));
            }
            Thread.sleep(100);
        }
        fail("no " + action + " event like " + detailLike + " within 20 s");
        return null;
    }

    private Instant ownershipEnd(String vin, String owner) {
        long micros = Rows.count(db, "SELECT (extract(epoch FROM valid_to) * 1000000)::bigint FROM ownership "
                + "WHERE vin = ? AND owner_subject = ?", vin, owner);
        return Instant.EPOCH.plusNanos(micros * 1000);
    }

    private static Map<String, Object> only(List<Map<String, Object>> events) {
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    private static String appRole() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }
}
