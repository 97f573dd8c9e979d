package cn.vdp.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;

/**
 * The raw COPY of exactly the rows an end-to-end run stored: they are copied out of the telemetry table with
 * their sequence numbers moved out of the way (so they are new keys) and copied back in, timed.
 */
final class CopyBaseline {

    private CopyBaseline() {
    }

    /** Records per second of COPYing the table's current rows again, in {@code streams} parallel COPYs. */
    static double recordsPerSecond(String jdbc, String user, String password, long seqOffset, int streams)
            throws Exception {
        List<byte[]> chunks = new ArrayList<>();
        long records;
        try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT vin, recorded_at, seq + "
                    + seqOffset + ", category, signals FROM telemetry WHERE seq < 1000000000000000 ORDER BY vin, seq)"
                    + " TO STDOUT", rows);
            try (var count = connection.createStatement().executeQuery(
                    "SELECT count(*) FROM (SELECT DISTINCT vin, seq FROM telemetry WHERE seq < 1000000000000000) r")) {
                count.next();
                records = count.getLong(1);
            }
            chunks.addAll(split(rows.toByteArray(), streams));
        }
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            long start = System.nanoTime();
            List<Future<Long>> copies = new ArrayList<>();
            for (byte[] chunk : chunks) {
                copies.add(pool.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
                        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                                "COPY telemetry (vin, recorded_at, seq, category, signals) FROM STDIN",
                                new ByteArrayInputStream(chunk));
                    }
                }));
            }
            for (Future<Long> copy : copies) {
                copy.get();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Splits COPY text into parts at line ends. */
    private static List<byte[]> split(byte[] text, int parts) {
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int p = 1; p <= parts; p++) {
            int to = p == parts ? text.length : Math.max(from, (int) ((long) text.length * p / parts));
            while (to < text.length && to > 0 && text[to - 1] != '\n') {
                to++;
            }
            byte[] chunk = new byte[to - from];
            System.arraycopy(text, from, chunk, 0, chunk.length);
            chunks.add(chunk);
            from = to;
        }
        return chunks;
    }
}
