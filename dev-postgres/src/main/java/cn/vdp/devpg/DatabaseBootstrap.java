package cn.vdp.devpg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates (or brings up to date) the database and roles a fresh PostgreSQL needs before storage-service's
 * migrations can run. In Kubernetes the database operator does the same from the chart; here it is done for
 * local runs and tests. Safe to run on every start.
 */
public final class DatabaseBootstrap {

    private DatabaseBootstrap() {
    }

    /** @param superuserUrl JDBC URL of the server's maintenance database, as a superuser */
    public static void apply(String superuserUrl, String user, String password, DatabaseRoles roles)
            throws SQLException {
        requireIdentifier(roles.database());
        requireIdentifier(roles.owner());
        requireIdentifier(roles.app());
        try (Connection admin = DriverManager.getConnection(superuserUrl, user, password);
                Statement sql = admin.createStatement()) {
            upsertLoginRole(admin, roles.owner(), roles.ownerPassword());
            upsertLoginRole(admin, roles.app(), roles.appPassword());
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", roles.database())) {
                sql.execute("CREATE DATABASE " + roles.database() + " OWNER " + roles.owner()
                        + " ENCODING 'UTF8' TEMPLATE template0");
            }
            sql.execute("REVOKE ALL ON DATABASE " + roles.database() + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + roles.database() + " TO " + roles.app());
        }
    }

    private static void upsertLoginRole(Connection admin, String role, String password) throws SQLException {
        boolean exists = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
        try (Statement sql = admin.createStatement()) {
            // Passwords cannot be bound as parameters in DDL; quote them as a literal.
            String literal = "'" + password.replace("'", "''") + "'";
            sql.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD " + literal);
        }
    }

    private static boolean exists(Connection admin, String query, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }
}
