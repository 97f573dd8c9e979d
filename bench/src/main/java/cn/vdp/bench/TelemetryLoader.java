package cn.vdp.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import cn.vdp.common.signal.Category;
import cn.vdp.common.vin.Vin;
import cn.vdp.devpg.DatabaseRoles;

/**
 * Puts benchmark data straight into the database as the schema owner: vehicles with ownership periods that began
 * long ago (so owners see their history), day partitions, and telemetry rows through COPY, generated on the fly.
 */
final class TelemetryLoader {

    /** One telemetry row's text for COPY, or null when the record has no row of that category. */
    @FunctionalInterface
    interface RowText {
        String row(String vin, long seq, Instant at, String category);
    }

    private final String jdbc;
    private final DatabaseRoles roles;

    TelemetryLoader(String jdbc, DatabaseRoles roles) {
        this.jdbc = jdbc;
        this.roles = roles;
    }

    static List<String> vins(String prefix, int count) {
        List<String> vins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            vins.add(Vin.withCheckDigit(String.format("%s%0" + (17 - prefix.length()) + "d", prefix, i)));
        }
        return vins;
    }

    /** Registers the cars for one owner each ({@code subjectOf}), owned since {@code since}. */
    void registerCars(List<String> vins, java.util.function.Function<String, String> subjectOf, Instant since)
            throws SQLException {
        try (Connection connection = owner();
                PreparedStatement vehicle = connection.prepareStatement("INSERT INTO vehicle VALUES (?, 'CN', 'Bench', ?, 'bench')");
                PreparedStatement period = connection.prepareStatement(
                        "INSERT INTO ownership (vin, owner_subject, valid_from) VALUES (?, ?, ?)")) {
            for (String vin : vins) {
                vehicle.setString(1, vin);
                vehicle.setObject(2, since.atOffset(ZoneOffset.UTC));
                vehicle.addBatch();
                period.setString(1, vin);
                period.setString(2, subjectOf.apply(vin));
                period.setObject(3, since.atOffset(ZoneOffset.UTC));
                period.addBatch();
            }
            vehicle.executeBatch();
            period.executeBatch();
        }
    }

    void ensurePartitions(LocalDate from, LocalDate to) throws SQLException {
        try (Connection connection = owner(); PreparedStatement call = connection.prepareStatement(
                "SELECT telemetry_ensure_partitions(?, ?, ?)")) {
            call.setArray(1, connection.createArrayOf("text",
                    java.util.Arrays.stream(Category.values()).map(Category::code).toArray()));
            call.setObject(2, from);
            call.setObject(3, to);
            call.execute();
        }
    }

    /**
     * COPYs {@code perCar} records of every car, interleaved by time as cars send them (record i of every car, then
     * record i + 1), in {@code streams} parallel COPYs over disjoint car sets; returns the rows written.
     */
    long load(List<String> vins, int perCar, Instant first, long stepMillis, List<String> categories, RowText text,
            int streams) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Long>> copies = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                List<String> share = new ArrayList<>();
                for (int i = s; i < vins.size(); i += streams) {
                    share.add(vins.get(i));
                }
                copies.add(pool.submit(() -> copy(share, perCar, first, stepMillis, categories, text)));
            }
            long rows = 0;
            for (Future<Long> copy : copies) {
                rows += copy.get();
            }
            return rows;
        } finally {
            pool.shutdown();
        }
    }

    private long copy(List<String> vins, int perCar, Instant first, long stepMillis, List<String> categories,
            RowText text) throws SQLException {
        try (Connection connection = owner()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY telemetry (vin, recorded_at, seq, category, signals) FROM STDIN");
            StringBuilder chunk = new StringBuilder(1 << 21);
            long rows = 0;
            for (int i = 0; i < perCar; i++) {
                for (int c = 0; c < vins.size(); c++) {
                    // Cars do not send in lockstep: each is offset by a fraction of the step.
                    Instant at = first.plusMillis(i * stepMillis + c * stepMillis / vins.size());
                    for (String category : categories) {
                        String row = text.row(vins.get(c), i, at, category);
                        if (row != null) {
                            chunk.append(row).append('\n');
                            rows++;
                        }
                    }
                }
                if (chunk.length() > 1 << 20) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            return rows;
        }
    }

    /** As a deployed database is: statistics current, older pages vacuumed (hint bits and visibility map set). */
    void vacuum() throws SQLException {
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            sql.execute("VACUUM (ANALYZE) telemetry");
        }
    }

    Connection owner() throws SQLException {
        return DriverManager.getConnection(jdbc, roles.owner(), roles.ownerPassword());
    }

    Connection app() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbc, roles.app(), roles.appPassword());
        try (Statement sql = connection.createStatement()) {
            // The service's own session settings (application.properties, new-connection-sql).
            sql.execute("SET plan_cache_mode = force_custom_plan; SET TIME ZONE 'UTC'");
        }
        return connection;
    }
}
