package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static cn.vdp.storage.support.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.audit.AuditApi.ChainStatus;
import cn.vdp.storage.audit.AuditApi.StagedEvents;
import cn.vdp.storage.audit.AuditApi.Verification;
import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.PostgresResource;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * Reads stage their audit events durably and the chainer moves them into the hash chain moments later: a read does
 * not wait for the chain's lock, an event that commits after a later-numbered one is still chained, events nobody
 * told the chainer of are found, a regulator sees every read that answered before their query, and nobody removes
 * a staged event before it is chained.
 */
@StorageTest
class StagedReadEventsTest {

    private static final String OWNER = "st-carol";

    @Inject
    AgroalDataSource db;

    @Inject
    ChainVerifier verifier;

    @ConfigProperty(name = PostgresResource.SUPERUSER_URL)
    String superuserUrl;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appRole;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    @ConfigProperty(name = "quarkus.flyway.username")
    String schemaOwner;

    @ConfigProperty(name = "quarkus.flyway.password")
    String schemaOwnerPassword;

    @Test
    void aReadAnswersWhileTheChainIsLockedAndItsEventIsChainedOnceTheLockIsGone() throws Exception {
        String vin = carWithARecord();
        String requestId = "st-locked-" + UUID.randomUUID();
        AuditRows.awaitChained(db); // earlier tests' reads are not counted as waiting below
        try (Connection locker = DriverManager.getConnection(superuserUrl)) {
            locker.setAutoCommit(false);
            execute(locker, "SELECT * FROM audit_chain_head FOR UPDATE");

            read(vin, requestId);
            assertEquals(1, Rows.count(db, "SELECT count(*) FROM audit_staged WHERE event->>'requestId' = ?",
                    requestId), "the read's event was durable before it answered");
            assertEquals(0, Rows.count(db, "SELECT count(*) FROM audit_event WHERE request_id = ?", requestId));

            // Another replica's event, staged two minutes ago and never chained: the verification names it.
            try (Connection owner = DriverManager.getConnection(url, schemaOwner, schemaOwnerPassword);
                    PreparedStatement stage = owner.prepareStatement("INSERT INTO audit_staged (event, staged_at) "
                            + "VALUES (?::jsonb, now() - interval '2 min')")) {
                stage.setString(1, event("st-overdue-" + UUID.randomUUID()));
                stage.executeUpdate();
            }
            Verification waiting = verifier.verify();
            StagedEvents staged = waiting.staged();
            assertEquals(2, staged.waiting(), "the read's and the overdue one");
            assertEquals(1, staged.overdue());
            assertTrue(staged.oldestStagedAt().isBefore(Instant.now().minus(110, ChronoUnit.SECONDS)),
                    staged.toString());
            assertEquals(ChainStatus.INTACT, waiting.status(), "waiting is not a broken chain");
            locker.rollback();
        }
        List<Map<String, Object>> chained = AuditRows.ofRequest(db, requestId);
        assertEquals(1, chained.size(), "chained once the lock was gone");
        assertEquals("telemetry.read", chained.get(0).get("action"));
        Verification after = verifier.verify();
        assertEquals(ChainStatus.INTACT, after.status());
        assertEquals(new StagedEvents(0, null, 0), after.staged());
    }

    @Test
    void anEventStagedFirstButCommittedLastIsChainedToo() throws Exception {
        String vin = carWithARecord();
        String lateRequest = "st-late-" + UUID.randomUUID();
        String earlyRequest = "st-early-" + UUID.randomUUID();
        long lateStagedId;
        try (Connection app = DriverManager.getConnection(url, appRole, appPassword);
                PreparedStatement stage = app.prepareStatement(
                        "INSERT INTO audit_staged (event) VALUES (?::jsonb) RETURNING id")) {
            app.setAutoCommit(false);
            stage.setString(1, event(lateRequest));
            try (ResultSet id = stage.executeQuery()) {
                id.next();
                lateStagedId = id.getLong(1);
            }
            read(vin, earlyRequest); // staged with a higher id, committed, and chained before the first one commits
            List<Map<String, Object>> early = AuditRows.ofRequest(db, earlyRequest);
            assertEquals(1, early.size());
            assertTrue(((Number) early.get(0).get("staged_id")).longValue() > lateStagedId, early.toString());
            assertTrue(AuditRows.ofRequest(db, lateRequest).isEmpty(), "not committed yet");
            // Committed without telling the chainer, like an event staged by another replica or before a restart.
            app.commit();
            List<Map<String, Object>> late = AuditRows.ofRequest(db, lateRequest);
            assertEquals(1, late.size(), "chained at the chainer's next poll");
            assertEquals(lateStagedId, ((Number) late.get(0).get("staged_id")).longValue());
            assertTrue((Long) late.get(0).get("id") > (Long) early.get(0).get("id"), "chained in commit order");
        }
        assertEquals(ChainStatus.INTACT, verifier.verify().status());
    }

    @Test
    void aRegulatorsQuerySeesEveryReadThatAnsweredBeforeIt() throws Exception {
        String vin = carWithARecord();
        String requestId = "st-seen-" + UUID.randomUUID();
        ExecutorService regulator = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> seen;
            try (Connection locker = DriverManager.getConnection(superuserUrl)) {
                locker.setAutoCommit(false);
                execute(locker, "SELECT * FROM audit_chain_head FOR UPDATE"); // the read's event stays staged
                read(vin, requestId);
                seen = regulator.submit(() -> as(Tokens.regulator()).queryParam("vin", vin).get("/api/v1/audit/events")
                        .then().statusCode(200).extract().jsonPath().getList("events.requestId", String.class));
                Thread.sleep(300); // the regulator's query is under way, the chain still locked
                locker.rollback();
            }
            assertTrue(seen.get(30, TimeUnit.SECONDS).contains(requestId), "the query waited for the chainer");
        } finally {
            regulator.shutdownNow();
        }
    }

    @Test
    void noOneChangesOrRemovesAStagedEventBeforeItIsChained() throws Exception {
        try (Connection owner = DriverManager.getConnection(url, schemaOwner, schemaOwnerPassword);
                Connection superuser = DriverManager.getConnection(superuserUrl)) {
            for (Connection connection : List.of(owner, superuser)) {
                connection.setAutoCommit(false); // staged, and tampered with, before anyone else can see it
                for (String sql : List.of("UPDATE audit_staged SET event = event || '{\"detail\": \"x\"}'",
                        "DELETE FROM audit_staged", "TRUNCATE audit_staged")) {
                    try (PreparedStatement stage = connection.prepareStatement(
                            "INSERT INTO audit_staged (event) VALUES (?::jsonb)")) {
                        stage.setString(1, event("st-kept-" + UUID.randomUUID()));
                        stage.executeUpdate();
                    }
                    assertRefused(connection, sql);
                    connection.rollback();
                }
            }
        }
    }

    private static String carWithARecord() throws InterruptedException {
        String vin = TestVins.next();
        register(vin, "CN", OWNER);
        Thread.sleep(5);
        send(List.of(record(vin, 1, Instant.now()))).then().statusCode(200);
        return vin;
    }

    private static void read(String vin, String requestId) {
        as(Tokens.owner(OWNER)).header("X-Request-Id", requestId).get("/api/v1/vehicles/" + vin + "/telemetry")
                .then().statusCode(200);
    }

    /** An event as the service stages it, hashable like any other (the verification recomputes its content). */
    private static String event(String requestId) {
        return AuditAppender.json(AuditEntry.of(AuditAction.TELEMETRY_READ, Actor.system("staged-read-events-test"))
                .at(Instant.now(), requestId));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
