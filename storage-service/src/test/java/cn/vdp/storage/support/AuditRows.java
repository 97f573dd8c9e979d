package cn.vdp.storage.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Reads the audit trail straight from the database, to assert what was (and was not) recorded. Reads stage their
 * events and the service chains them moments after the read answered, so each method first waits until nothing
 * committed waits on the stage: the trail as a regulator sees it.
 */
public final class AuditRows {

    /** Far above the chainer's poll interval, which bounds the wait even for events it was not told of. */
    private static final Duration CHAINED_WITHIN = Duration.ofSeconds(10);

    private AuditRows() {
    }

    /** The events after the given id, oldest first, as column name to value (categories joined with commas). */
    public static List<Map<String, Object>> after(DataSource db, long afterId) {
        return query(db, "SELECT * FROM audit_event WHERE id > ? ORDER BY id", afterId);
    }

    public static List<Map<String, Object>> ofRequest(DataSource db, String requestId) {
        return query(db, "SELECT * FROM audit_event WHERE request_id = ? ORDER BY id", requestId);
    }

    public static long lastId(DataSource db) {
        awaitChained(db);
        return Rows.count(db, "SELECT coalesce(max(id), 0) FROM audit_event");
    }

    /** Waits until every committed staged event is chained; fails when the chainer does not get there. */
    public static void awaitChained(DataSource db) {
        long deadline = System.nanoTime() + CHAINED_WITHIN.toNanos();
        while (Rows.count(db, "SELECT count(*) FROM audit_staged") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("staged audit events not chained within " + CHAINED_WITHIN);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<Map<String, Object>> query(DataSource db, String sql, Object parameter) {
        awaitChained(db);
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            List<Map<String, Object>> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        Object value = rows.getObject(c);
                        if (value instanceof java.sql.Array array) {
                            value = String.join(",", (String[]) array.getArray());
                        }
                        event.put(rows.getMetaData().getColumnName(c), value);
                    }
                    events.add(event);
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
