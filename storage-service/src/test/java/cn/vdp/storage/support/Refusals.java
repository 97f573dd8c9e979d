package cn.vdp.storage.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Asserts that PostgreSQL refuses a statement for want of privilege: no grant, or a trigger that says so. */
public final class Refusals {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private Refusals() {
    }

    public static void assertRefused(Connection connection, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, sql);
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), sql + ": " + refused.getMessage());
    }
}
