package cn.vdp.storage.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Counts what is really in the database, to assert what was (and was not) stored. */
public final class Rows {

    private Rows() {
    }

    public static long telemetryRows(DataSource db, String vin) {
        return count(db, "SELECT count(*) FROM telemetry WHERE vin = ?", vin);
    }

    public static long records(DataSource db, String vin) {
        return count(db, "SELECT count(DISTINCT (seq, recorded_at)) FROM telemetry WHERE vin = ?", vin);
    }

    public static long count(DataSource db, String sql, Object... parameters) {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
