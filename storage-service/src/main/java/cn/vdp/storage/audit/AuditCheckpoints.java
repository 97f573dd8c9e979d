package cn.vdp.storage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Signs the chain's head on a schedule (the service's own job: nobody asks for a checkpoint, a regulator cannot
 * write), and reads the checkpoints back for the verification and for regulators, who may keep copies.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    private static final String COLUMNS = "id, created_at, head_id, head_hash, event_count, key_id, algorithm, signature";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditEventStore store;

    @Inject
    CheckpointSigner signer;

    @Inject
    Clock clock;

    @Scheduled(every = "{storage.audit.checkpoint-interval}", delayed = "{storage.audit.checkpoint-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        create().ifPresent(c -> LOG.infof("audit checkpoint %d: %d events, head %s", c.id(), c.eventCount(),
                AuditCanonical.hex(c.headHash())));
    }

    /** Signs the current head, unless it is empty or the latest checkpoint already covers it. */
    public Optional<Checkpoint> create() throws SQLException {
        AuditEventStore.Head head = store.head();
        Optional<Checkpoint> latest = latest();
        if (head.id() == 0 || latest.isPresent() && latest.get().headId() == head.id()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Ids have no gaps and start at 1, so the head's id is the number of events.
        byte[] signature = signer.sign(Checkpoint.signedContent(head.id(), head.hash(), head.id(), now, signer.keyId()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO audit_checkpoint (created_at, head_id, head_hash, event_count, key_id, algorithm,
                                                      signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setObject(1, now.atOffset(ZoneOffset.UTC));
            insert.setLong(2, head.id());
            insert.setBytes(3, head.hash());
            insert.setLong(4, head.id());
            insert.setString(5, signer.keyId());
            insert.setString(6, signer.algorithm());
            insert.setBytes(7, signature);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return Optional.of(new Checkpoint(row.getLong(1), now, head.id(), head.hash(), head.id(),
                        signer.keyId(), signer.algorithm(), signature));
            }
        }
    }

    public Optional<Checkpoint> latest() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY id DESC LIMIT 1").stream().findFirst();
    }

    /** Up to {@code limit} checkpoints with an id below {@code beforeId}, newest first. */
    public List<Checkpoint> newestFirst(long beforeId, int limit) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE id < ? ORDER BY id DESC LIMIT ?", beforeId,
                limit);
    }

    /** Every checkpoint, oldest first (one per interval: small next to the trail). */
    List<Checkpoint> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY id");
    }

    /** Whether the signature is good; empty when the key that made it is not known here. */
    public Optional<Boolean> signatureValid(Checkpoint checkpoint) {
        return signer.verify(checkpoint.keyId(), checkpoint.signedContent(), checkpoint.signature());
    }

    private List<Checkpoint> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    checkpoints.add(new Checkpoint(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                            row.getLong(3), row.getBytes(4), row.getLong(5), row.getString(6), row.getString(7),
                            row.getBytes(8)));
                }
            }
            return checkpoints;
        }
    }
}
