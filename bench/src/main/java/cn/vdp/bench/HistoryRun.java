package cn.vdp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import cn.vdp.common.signal.Category;

/**
 * Part (b) of export-query: 24 hours of one car among 20,000,000 telemetry rows (1,000 cars, 10 days, a record
 * every 86.4 s, vehicle-state and battery rows), through GET /api/v1/vehicles/{vin}/telemetry; latency percentiles
 * and the query plan.
 */
final class HistoryRun {

    static final int CARS = 1000;
    static final int DAYS = 10;
    static final int RECORDS_PER_DAY = 1000;
    private static final int WARMUP = 300;
    private static final int TIMED = 2000;
    private static final List<String> CATEGORIES = List.of("vehicle_state", "battery");

    /** TelemetryReader.PAGE, the owner query as the service sends it (for EXPLAIN; the bench cannot see it). */
    private static final String PAGE = """
            SELECT recorded_at, seq, signals::text FROM telemetry
            WHERE vin = ? AND category = ANY(?::varchar[]) AND recorded_at >= ? AND recorded_at < ?
              AND (recorded_at, seq) < (?, ?) AND (?::text[] IS NULL OR jsonb_exists_any(signals, ?::text[]))
            ORDER BY recorded_at DESC, seq DESC
            LIMIT ?""";

    record Latency(int limit, int requests, long[] sortedNanos, long records) {
        double percentile(double p) {
            return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
        }
    }

    record Result(long rows, double loadSeconds, double vacuumSeconds, List<Latency> latencies, String plan) {
    }

    private final BenchStorage storage;
    private final TelemetryLoader loader;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Random random = new Random(42);
    private final List<String> vins = TelemetryLoader.vins("LHSTRY", CARS);
    private final Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);

    HistoryRun(BenchStorage storage, TelemetryLoader loader) {
        this.storage = storage;
        this.loader = loader;
    }

    Result run() throws Exception {
        Instant first = end.minus(DAYS, ChronoUnit.DAYS);
        loader.registerCars(vins, HistoryRun::owner, first.minus(30, ChronoUnit.DAYS));
        long step = 86_400_000L / RECORDS_PER_DAY;
        System.out.println("loading " + (long) CARS * DAYS * RECORDS_PER_DAY * CATEGORIES.size()
                + " telemetry rows (COPY, 2 streams, interleaved by time as cars send them)");
        long start = System.nanoTime();
        long rows = loader.load(vins, DAYS * RECORDS_PER_DAY, first, step, CATEGORIES, HistoryRun::row, 2);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("loaded %,d rows in %.0f s; VACUUM ANALYZE%n", rows, loadSeconds);
        start = System.nanoTime();
        loader.vacuum();
        double vacuumSeconds = (System.nanoTime() - start) / 1e9;
        List<Latency> latencies = new ArrayList<>();
        for (int limit : new int[] { 1000, 100 }) {
            measure(limit, WARMUP);
            latencies.add(measure(limit, TIMED));
        }
        return new Result(rows, loadSeconds, vacuumSeconds, latencies, explain());
    }

    private Latency measure(int limit, int requests) throws Exception {
        long[] nanos = new long[requests];
        long records = 0;
        for (int i = 0; i < requests; i++) {
            int car = random.nextInt(CARS);
            Instant from = end.minus(1 + random.nextInt(DAYS - 1), ChronoUnit.DAYS).minusSeconds(random.nextInt(86_400));
            String token = storage.jwt.token(owner(vins.get(car)), "vdp-portal", "owner");
            HttpRequest request = HttpRequest.newBuilder(URI.create(storage.api() + "/api/v1/vehicles/" + vins.get(car)
                    + "/telemetry?from=" + from + "&to=" + from.plus(1, ChronoUnit.DAYS) + "&limit=" + limit))
                    .header("Authorization", "Bearer " + token).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("history answered " + response.statusCode() + ": " + response.body());
            }
            records += count(response.body(), "\"seq\":");
        }
        Arrays.sort(nanos);
        return new Latency(limit, requests, nanos, records / requests);
    }

    /**
     * The plan PostgreSQL uses for the default page (100 records, every signal) of one car's day, run as the
     * service runs it: its session settings, a read transaction with the index order pinned, all six categories.
     */
    private String explain() throws Exception {
        Instant from = end.minus(3, ChronoUnit.DAYS);
        try (Connection connection = loader.app()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL enable_sort = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement query = connection.prepareStatement(
                    "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) " + PAGE)) {
                query.setString(1, vins.get(7));
                query.setArray(2, connection.createArrayOf("varchar",
                        Arrays.stream(Category.values()).map(Category::code).toArray()));
                query.setObject(3, from.atOffset(ZoneOffset.UTC));
                query.setObject(4, from.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
                query.setObject(5, from.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
                query.setLong(6, Long.MAX_VALUE);
                query.setArray(7, null); // every signal
                query.setArray(8, null);
                query.setInt(9, 101 * Category.values().length);
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
            connection.rollback();
            try (Statement count = connection.createStatement(); ResultSet rows = count.executeQuery(
                    "SELECT count(*) FROM pg_inherits i JOIN pg_inherits p ON p.inhrelid = i.inhparent "
                            + "WHERE p.inhparent = 'telemetry'::regclass")) {
                rows.next();
                return plan.append("(").append(plan.toString().split("Index Scan", -1).length - 1)
                        .append(" of the ").append(rows.getLong(1)).append(" day partitions scanned)\n").toString();
            }
        }
    }

    private static String owner(String vin) {
        return "bench-owner-" + vin.substring(9);
    }

    private static long count(String text, String needle) {
        long count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static String row(String vin, long seq, Instant at, String category) {
        String prefix = vin + '\t' + at + '\t' + seq + '\t' + category + '\t';
        return "vehicle_state".equals(category)
                ? prefix + "{\"vehicle.speed\": " + (seq * 7 % 1300) / 10.0 + ", \"vehicle.odometer\": "
                        + (12000 + seq / 10.0) + ", \"vehicle.gear\": \"D\", \"vehicle.ignition\": true, "
                        + "\"vehicle.outside_temperature\": 18.5}"
                : prefix + "{\"battery.soc\": " + (90 - seq % 700 / 10.0) + ", \"battery.voltage\": "
                        + (380 + seq % 200 / 10.0) + ", \"battery.current\": -42.5, \"battery.temperature\": 31.0, "
                        + "\"battery.range\": " + (400 - seq % 300) + "}";
    }
}
