package cn.vdp.storage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Reads the trail in id order, one bounded chunk per query (keyset paging), so that neither browsing, nor an
 * export, nor the verification ever holds the whole trail or one long-running statement.
 */
@ApplicationScoped
class AuditEventStore {

    @Inject
    AgroalDataSource dataSource;

    /** Up to {@code limit} matching events with an id below {@code beforeId}, newest first. */
    List<StoredEvent> newestFirst(AuditFilter filter, long beforeId, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        parameters.add(beforeId);
        parameters.add(limit);
        return query("SELECT " + StoredEvent.COLUMNS + " FROM audit_event WHERE " + where
                + " AND id < ? ORDER BY id DESC LIMIT ?", parameters);
    }

    /** Up to {@code limit} matching events with an id in (afterId, throughId], oldest first. */
    List<StoredEvent> oldestFirst(AuditFilter filter, long afterId, long throughId, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        parameters.add(afterId);
        parameters.add(throughId);
        parameters.add(limit);
        return query("SELECT " + StoredEvent.COLUMNS + " FROM audit_event WHERE " + where
                + " AND id > ? AND id <= ? ORDER BY id LIMIT ?", parameters);
    }

    /** The chain's head as the last append left it: its id and hash. */
    Head head() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton")) {
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the audit chain's head row is missing");
                }
                return new Head(row.getLong(1), row.getBytes(2));
            }
        }
    }

    record Head(long id, byte[] hash) {
    }

    /**
     * What waits on the stage to be chained: how many events, the oldest one's time, how many were staged longer
     * ago than {@code overdueAfter} (by the database's clock, which stamped them).
     */
    AuditApi.StagedEvents staged(Duration overdueAfter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*), min(staged_at), "
                        + "count(*) FILTER (WHERE staged_at < now() - make_interval(secs => ?)) FROM audit_staged")) {
            query.setDouble(1, overdueAfter.toMillis() / 1000.0);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                return new AuditApi.StagedEvents(row.getLong(1), oldest == null ? null : oldest.toInstant(),
                        row.getLong(3));
            }
        }
    }

    private List<StoredEvent> query(String sql, List<Object> parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                query.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
            }
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(StoredEvent.read(rows));
                }
            }
            return events;
        }
    }
}
