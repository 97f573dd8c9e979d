package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.audit.AuditApi.ChainProblem;
import cn.vdp.storage.audit.AuditApi.ChainStatus;
import cn.vdp.storage.audit.AuditApi.Verification;
import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.PostgresResource;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.Superuser;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * Tampering as a database superuser who switches the triggers off: each kind of change is found, and the first
 * broken event is named. Every test puts the rows back, so the shared chain is intact again afterwards.
 */
@StorageTest
class ChainTamperingTest {

    private static final long OFFSET = 1_000_000_000_000L;

    @Inject
    AgroalDataSource db;

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    AuditEventStore store;

    @ConfigProperty(name = PostgresResource.SUPERUSER_URL)
    String superuserUrl;

    /** Appends four fresh events (one registration each) and returns the id of the first. */
    private long fourFreshEvents() {
        long before = AuditRows.lastId(db);
        for (int i = 0; i < 4; i++) {
            register(TestVins.next(), "CN", "alice");
        }
        assertEquals(before + 4, AuditRows.lastId(db));
        return before + 1;
    }

    private Verification intact() throws SQLException {
        Verification result = verifier.verify();
        assertEquals(ChainStatus.INTACT, result.status(), () -> "chain broken: " + result.firstBroken());
        return result;
    }

    private void assertBrokenAt(long eventId, ChainProblem problem) throws SQLException {
        Verification result = verifier.verify();
        assertEquals(ChainStatus.BROKEN, result.status());
        assertNotNull(result.firstBroken(), "names the first broken event");
        assertEquals(eventId, result.firstBroken().eventId(), () -> "first broken: " + result.firstBroken());
        assertEquals(problem, result.firstBroken().problem(), () -> "first broken: " + result.firstBroken());
        assertEquals(eventId - 1, result.eventsVerified(), "every event before it verified");
    }

    /** What an attacker does, and what is then checked; both may touch the database. */
    private interface Step {
        void run(Superuser attacker) throws SQLException;
    }

    /** Keeps events [first, last], tampers, checks, puts everything back and checks the chain is intact again. */
    private void tamper(long first, long last, Step tampering, Step check) throws SQLException {
        try (Superuser attacker = new Superuser(superuserUrl)) {
            attacker.save(first, last);
            tampering.run(attacker);
            try {
                check.run(attacker);
            } finally {
                attacker.restore();
            }
        }
        intact();
    }

    @Test
    void changedRowIsNamedAlsoThroughTheRegulatorsApi() throws SQLException {
        long first = fourFreshEvents();
        long changed = first + 1;
        tamper(first, first + 3,
                attacker -> attacker.execute("UPDATE audit_event SET detail = 'market=US; owner=none' WHERE id = ?",
                        changed),
                attacker -> {
                    assertBrokenAt(changed, ChainProblem.CONTENT_CHANGED);
                    as(Tokens.regulator()).get("/api/v1/audit/verification").then().statusCode(200)
                            .body("status", equalTo("BROKEN"))
                            .body("firstBroken.eventId", equalTo((int) changed))
                            .body("firstBroken.problem", equalTo("CONTENT_CHANGED"))
                            .body("lastVerifiedId", equalTo((int) changed - 1));
                });
    }

    @Test
    void deletedRowIsNamedAsMissing() throws SQLException {
        long first = fourFreshEvents();
        long deleted = first + 2;
        tamper(first, first + 3, attacker -> attacker.execute("DELETE FROM audit_event WHERE id = ?", deleted),
                attacker -> assertBrokenAt(deleted, ChainProblem.EVENT_MISSING));
    }

    @Test
    void swappedRowsAreNamedAtTheFirstOfThem() throws SQLException {
        long first = fourFreshEvents();
        long a = first;
        long b = first + 2;
        tamper(first, first + 3, attacker -> {
            attacker.execute("UPDATE audit_event SET id = id + ? WHERE id IN (?, ?)", OFFSET, a, b);
            attacker.execute("UPDATE audit_event SET id = CASE id WHEN ? THEN ? ELSE ? END WHERE id IN (?, ?)",
                    a + OFFSET, b, a, a + OFFSET, b + OFFSET);
        }, attacker -> assertBrokenAt(a, ChainProblem.CONTENT_CHANGED));
    }

    @Test
    void cutTailWithTheHeadRewoundIsCaughtByTheSignedCheckpoint() throws SQLException {
        long first = fourFreshEvents();
        long last = first + 3;
        Checkpoint checkpoint = checkpoints.create().orElseThrow();
        assertEquals(last, checkpoint.headId());
        tamper(first, last, attacker -> {
            attacker.execute("DELETE FROM audit_event WHERE id >= ?", last - 1);
            // a careful attacker also rewinds the head, so that only the checkpoint knows
            attacker.execute("UPDATE audit_chain_head SET last_id = ?, last_hash = (SELECT hash FROM audit_event "
                    + "WHERE id = ?)", last - 2, last - 2);
        }, attacker -> {
            assertBrokenAt(last - 1, ChainProblem.EVENT_MISSING);
            assertTrue(verifier.verify().firstBroken().detail().contains("checkpoint " + checkpoint.id()));
        });
        assertTrue(intact().checkpoints().compared() >= 1, "the restored chain agrees with the checkpoint");
    }

    @Test
    void consistentRewriteOfTheChainIsCaughtByTheSignedCheckpoint() throws SQLException {
        long first = fourFreshEvents();
        long last = first + 3;
        Checkpoint checkpoint = checkpoints.create().orElseThrow();
        List<StoredEvent> original = store.oldestFirst(new AuditFilter(null, null, null, null, null, null), first - 1,
                last, 10);
        tamper(first, last, attacker -> {
            // rewrite the second event and recompute every later hash, as someone who knows the format would
            byte[] previous = original.get(0).hash();
            for (StoredEvent stored : original.subList(1, original.size())) {
                AuditEvent e = stored.event();
                AuditEvent event = stored.id() == first + 1 ? new AuditEvent(e.occurredAt(), e.requestId(), e.actor(),
                        e.action(), e.outcome(), e.vin(), e.categories(), e.rangeFrom(), e.rangeTo(), e.quantity(),
                        "market=US; owner=none") : e;
                byte[] hash = AuditCanonical.hash(previous, stored.id(), event);
                attacker.execute("UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                        event.detail(), previous, hash, stored.id());
                previous = hash;
            }
            attacker.execute("UPDATE audit_chain_head SET last_hash = ?", previous);
        }, attacker -> assertBrokenAt(checkpoint.headId(), ChainProblem.CHECKPOINT_MISMATCH));
    }

    @Test
    void forgedCheckpointIsReported() throws SQLException {
        fourFreshEvents();
        Checkpoint checkpoint = checkpoints.create().orElseThrow();
        try (Superuser attacker = new Superuser(superuserUrl)) {
            attacker.execute("UPDATE audit_checkpoint SET event_count = event_count + 1 WHERE id = ?", checkpoint.id());
            try {
                Verification result = verifier.verify();
                assertEquals(ChainStatus.BROKEN, result.status());
                assertEquals(List.of(checkpoint.id()), result.checkpoints().invalidSignatures());
            } finally {
                attacker.execute("UPDATE audit_checkpoint SET event_count = event_count - 1 WHERE id = ?",
                        checkpoint.id());
            }
        }
        intact();
    }
}
