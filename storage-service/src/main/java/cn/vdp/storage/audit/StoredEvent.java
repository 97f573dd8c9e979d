package cn.vdp.storage.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** One event as stored: its id, its content and its two hashes. */
public record StoredEvent(long id, AuditEvent event, byte[] prevHash, byte[] hash) {

    /** The columns {@link #read} expects, in this order. */
    static final String COLUMNS = "id, occurred_at, request_id, actor_subject, actor_role, actor_client, action, "
            + "outcome, vin, categories, range_from, range_to, quantity, detail, prev_hash, hash";

    static StoredEvent read(ResultSet row) throws SQLException {
        Array categories = row.getArray(10);
        long quantity = row.getLong(13);
        Long boxedQuantity = row.wasNull() ? null : quantity;
        AuditEvent event = new AuditEvent(instant(row, 2), row.getString(3),
                new Actor(row.getString(4), row.getString(5), row.getString(6)), row.getString(7), row.getString(8),
                row.getString(9), List.of((String[]) categories.getArray()), instant(row, 11), instant(row, 12),
                boxedQuantity, row.getString(14));
        return new StoredEvent(row.getLong(1), event, row.getBytes(15), row.getBytes(16));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
