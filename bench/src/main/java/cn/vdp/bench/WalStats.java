package cn.vdp.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL's WAL so far, read as the superuser: bytes written, flushes and the milliseconds they took (pg_stat_wal;
 * the time needs track_wal_io_timing), and the files in pg_wal (one is created when no freed segment is left to
 * reuse).
 */
record WalStats(long files, long bytes, long flushes, double flushMillis) {

    static WalStats of(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                ResultSet rows = connection.createStatement().executeQuery("""
                        SELECT (SELECT count(*) FROM pg_ls_waldir()), wal_bytes, wal_sync, wal_sync_time
                        FROM pg_stat_wal""")) {
            rows.next();
            return new WalStats(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getDouble(4));
        }
    }

    /** "1,234 flushes, 0.571 ms each on average" since {@code before}. */
    String flushesSince(WalStats before) {
        long count = flushes - before.flushes;
        return String.format("%,d flushes, %.3f ms each on average", count, (flushMillis - before.flushMillis) / count);
    }
}
