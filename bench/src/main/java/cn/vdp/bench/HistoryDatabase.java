package cn.vdp.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.vdp.common.signal.Category;
import cn.vdp.storage.telemetry.TelemetryReader;

/**
 * What part (b) of export-query asks the database itself, as the service's role: the clustering of closed day
 * partitions (the SQL functions storage-service's TelemetryClustering calls), the plan of a page, and the settings.
 */
final class HistoryDatabase {

    private static final List<String> SETTINGS = List.of("shared_buffers", "effective_cache_size", "work_mem",
            "random_page_cost", "max_parallel_workers_per_gather", "jit");

    /** One partition's CLUSTER: how long its lock was held. */
    record Clustered(String partition, long rows, long bytes, double seconds) {
    }

    private final TelemetryLoader loader;

    HistoryDatabase(TelemetryLoader loader) {
        this.loader = loader;
    }

    /** Clusters every day partition whose day has ended, one transaction each, as the service's hourly job does. */
    List<Clustered> clusterClosedDays() throws SQLException {
        List<Clustered> done = new ArrayList<>();
        try (Connection connection = loader.app();
                PreparedStatement candidates = connection.prepareStatement(
                        "SELECT partition_name FROM telemetry_unclustered_days(now())");
                PreparedStatement cluster = connection.prepareStatement("SELECT telemetry_cluster_partition(?, '30s')");
                PreparedStatement size = connection.prepareStatement(
                        "SELECT reltuples::bigint, pg_total_relation_size(oid) FROM pg_class WHERE relname = ?")) {
            List<String> partitions = new ArrayList<>();
            try (ResultSet rows = candidates.executeQuery()) {
                while (rows.next()) {
                    partitions.add(rows.getString(1));
                }
            }
            for (String partition : partitions) {
                cluster.setString(1, partition);
                long start = System.nanoTime();
                cluster.executeQuery().close();
                double seconds = (System.nanoTime() - start) / 1e9;
                size.setString(1, partition);
                try (ResultSet rows = size.executeQuery()) {
                    rows.next();
                    done.add(new Clustered(partition, rows.getLong(1), rows.getLong(2), seconds));
                }
            }
        }
        return done;
    }

    /** "shared_buffers 256MB, ...": the settings that decide whether pages come from memory. */
    String settings() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = loader.app(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name, current_setting(name) FROM pg_settings WHERE name IN ('"
                        + String.join("', '", SETTINGS) + "') ORDER BY name")) {
            while (rows.next()) {
                text.append(text.isEmpty() ? "" : ", ").append(rows.getString(1)).append(' ').append(rows.getString(2));
            }
        }
        return text.toString();
    }

    /** Heap, indexes and TOAST of every telemetry partition. */
    long telemetryBytes() throws SQLException {
        try (Connection connection = loader.app(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits "
                        + "WHERE inhparent IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'telemetry'::regclass)")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The plan PostgreSQL uses for the default page (100 records, every signal) of one car's day, run as the
     * service runs it: its session settings, a read transaction with the index order pinned, all six categories.
     * Run twice on one connection and the second kept, as a pooled connection of the service has its caches warm.
     */
    String explain(String vin, Instant from) throws SQLException {
        try (Connection connection = loader.app()) {
            connection.setAutoCommit(false);
            String plan = null;
            for (int run = 0; run < 2; run++) {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL enable_sort = off");
                }
                plan = explainOnce(connection, vin, from);
                connection.rollback();
            }
            return plan;
        }
    }

    private static String explainOnce(Connection connection, String vin, Instant from) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement query = connection.prepareStatement(
                "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) " + TelemetryReader.PAGE_OF_ALL)) {
            query.setString(1, vin);
            query.setObject(2, from.atOffset(ZoneOffset.UTC));
            query.setObject(3, from.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
            query.setObject(4, from.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
            query.setLong(5, Long.MAX_VALUE);
            query.setInt(6, 101 * Category.values().length);
            try (ResultSet rows = query.executeQuery()) {
                boolean conditionsShown = false;
                while (rows.next()) {
                    String line = rows.getString(1);
                    boolean condition = line.contains("Index Cond:") || line.contains("Filter:");
                    // Every partition repeats the same conditions: show them once.
                    if (condition && conditionsShown) {
                        continue;
                    }
                    conditionsShown |= condition && line.contains("Index Cond:");
                    plan.append(line).append('\n');
                }
            }
        }
        int scanned = plan.toString().split("Index Scan", -1).length - 1;
        return plan.append("(").append(scanned).append(" day partitions scanned)\n").toString();
    }

    /** The plan's first Buffers line and its times, for a one-line comparison. */
    static String summary(String plan) {
        StringBuilder text = new StringBuilder();
        for (String line : plan.split("\n")) {
            String trimmed = line.trim();
            if ((trimmed.startsWith("Buffers:") && text.isEmpty()) || trimmed.startsWith("Planning Time")
                    || trimmed.startsWith("Execution Time")) {
                text.append(text.isEmpty() ? "" : "; ").append(trimmed);
            }
        }
        return text.toString();
    }
}
