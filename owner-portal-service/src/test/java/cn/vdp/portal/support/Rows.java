package cn.vdp.portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

/** Counts what is really in storage-service's database, to assert what was (and was not) kept. */
public final class Rows {

    private Rows() {
    }

    public static long count(String sql, Object... parameters) {
        String url = ConfigProvider.getConfig().getValue(Platform.DATABASE_URL, String.class);
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement query = connection.prepareStatement(sql)) {
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
