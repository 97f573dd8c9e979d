package cn.vdp.storage.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database superuser session, the way an attacker with full database access would tamper: with
 * {@code session_replication_role = replica} no ordinary trigger fires, so the append-only triggers do not stop it.
 */
public final class Superuser implements AutoCloseable {

    private final Connection connection;

    public Superuser(String url) throws SQLException {
        connection = DriverManager.getConnection(url);
        execute("SET session_replication_role = replica");
    }

    public void execute(String sql, Object... parameters) throws SQLException {
        if (parameters.length == 0) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Keeps copies of the chain's head and of the events in [fromId, toId] in temporary tables of this session. */
    public void save(long fromId, long toId) throws SQLException {
        execute("CREATE TEMP TABLE saved_events AS SELECT * FROM audit_event WHERE id BETWEEN ? AND ?", fromId, toId);
        execute("CREATE TEMP TABLE saved_head AS SELECT * FROM audit_chain_head");
    }

    /** Puts back exactly what {@link #save} kept. */
    public void restore() throws SQLException {
        execute("DELETE FROM audit_event WHERE id IN (SELECT id FROM saved_events)");
        execute("DELETE FROM audit_event WHERE id > 1000000000000");
        execute("INSERT INTO audit_event SELECT * FROM saved_events");
        // Unless the service appended since (its head moved on past the saved one), the head is put back too.
        execute("UPDATE audit_chain_head h SET last_id = s.last_id, last_hash = s.last_hash FROM saved_head s "
                + "WHERE h.last_id <= s.last_id");
        execute("DROP TABLE saved_events, saved_head");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
