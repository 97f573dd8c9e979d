package cn.vdp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Part (b) of export-query: 24 hours of one car among 20,000,000 telemetry rows (1,000 cars, 10 days, a record
 * every 86.4 s, vehicle-state and battery rows), through GET /api/v1/vehicles/{vin}/telemetry: latency
 * percentiles measured by the client and by the service (its Server-Timing header), before and after the closed
 * days are clustered, and the query plan.
 */
final class HistoryRun {

    /** -Dbench.history.cars=100 gives a quick run (2,000,000 rows) for trying a change; figures use 1,000. */
    static final int CARS = Integer.getInteger("bench.history.cars", 1000);
    static final int DAYS = 10;
    static final int RECORDS_PER_DAY = 1000;
    private static final int WARMUP = 300;
    private static final int TIMED = 2000;
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(Long.getLong("bench.history.warmup-limit-seconds",
            180));
    private static final List<String> CATEGORIES = List.of("vehicle_state", "battery");
    static final String WITHOUT_AUDIT = ", without the read's audit event";

    /** Sorted nanoseconds: client round trips, the service's time, and its parts (ServerTiming.READ_PARTS). */
    record Latency(String data, int limit, int requests, long[] client, long[] server, long[][] parts, long records) {
    }

    record Result(long rows, long bytes, String settings, double loadSeconds, double vacuumSeconds,
            List<Latency> latencies, List<HistoryDatabase.Clustered> clustered, String planBefore, String plan,
            double todayHours, String warmup) {
    }

    private final BenchStorage storage;
    private final BenchStorage.Sibling plain;
    private final TelemetryLoader loader;
    private final HistoryDatabase database;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Random random = new Random(42);
    private final List<String> vins = TelemetryLoader.vins("LHSTRY", CARS);
    private final Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private final Instant first = end.minus(DAYS, ChronoUnit.DAYS);
    private final Instant today = end.truncatedTo(ChronoUnit.DAYS);

    /** @param plain a second storage-service on the same database that does not audit its reads, for comparison */
    HistoryRun(BenchStorage storage, BenchStorage.Sibling plain, TelemetryLoader loader) {
        this.storage = storage;
        this.plain = plain;
        this.loader = loader;
        this.database = new HistoryDatabase(loader);
    }

    Result run() throws Exception {
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
        storage.checkpoint();
        double vacuumSeconds = (System.nanoTime() - start) / 1e9;

        List<Latency> latencies = new ArrayList<>();
        String warmup = JitWarmup.untilQuiet(Duration.ZERO, WARMUP_LIMIT, () -> {
            run(100, WARMUP, this::closedDayWindow, new Sample(WARMUP));
            run(1000, WARMUP, this::closedDayWindow, new Sample(WARMUP));
            alternate(100, WARMUP, this::closedDayWindow, new Sample(WARMUP), new Sample(WARMUP));
        }, storage.jvm(), plain.jvm());
        Instant planDay = today.minus(3, ChronoUnit.DAYS);
        latencies.add(measure("closed days, arrival order", 1000, this::closedDayWindow));
        latencies.add(measure("closed days, arrival order", 100, this::closedDayWindow));
        String planBefore = database.explain(vins.get(7), planDay);
        System.out.println("clustering the closed days (as storage-service's hourly job does)");
        List<HistoryDatabase.Clustered> clustered = database.clusterClosedDays();
        // As after the load: statistics of the rewritten partitions, their pages written out before measuring.
        loader.vacuum();
        storage.checkpoint();
        latencies.add(measure("closed days, clustered", 1000, this::closedDayWindow));
        latencies.addAll(measureAlternating("closed days, clustered", 100, this::closedDayWindow));
        latencies.add(measure("last 24 h (today not clustered)", 1000, () -> end.minus(1, ChronoUnit.DAYS)));
        latencies.addAll(measureAlternating("last 24 h (today not clustered)", 100,
                () -> end.minus(1, ChronoUnit.DAYS)));
        return new Result(rows, database.telemetryBytes(), database.settings(), loadSeconds, vacuumSeconds,
                latencies, clustered, planBefore, database.explain(vins.get(7), planDay),
                (end.toEpochMilli() - today.toEpochMilli()) / 3_600_000.0, warmup);
    }

    /** A random 24-hour window inside the loaded days that have ended (the partitions the job clusters). */
    private Instant closedDayWindow() {
        long span = today.minus(1, ChronoUnit.DAYS).getEpochSecond() - first.getEpochSecond();
        return first.plusSeconds((long) (random.nextDouble() * span));
    }

    private Latency measure(String data, int limit, Supplier<Instant> windows) throws Exception {
        System.out.printf("history: %s, limit %d%n", data, limit);
        run(limit, WARMUP, windows, new Sample(WARMUP));
        Sample sample = new Sample(TIMED);
        long records = run(limit, TIMED, windows, sample);
        return sample.latency(data, limit, records / TIMED);
    }

    /**
     * The same requests to both services, alternating request by request (so that what else the machine does hits
     * both alike): the audited one's figures, then those of the one without the read's audit event. Each pair asks
     * for the same car and window, and the second finds the pages the first just read in memory, so the service that
     * goes first changes from pair to pair.
     */
    private List<Latency> measureAlternating(String data, int limit, Supplier<Instant> windows) throws Exception {
        System.out.printf("history: %s, limit %d, with and without the read's audit event%n", data, limit);
        alternate(limit, WARMUP, windows, new Sample(WARMUP), new Sample(WARMUP));
        Sample audited = new Sample(TIMED);
        Sample unaudited = new Sample(TIMED);
        long records = alternate(limit, TIMED, windows, audited, unaudited);
        return List.of(audited.latency(data, limit, records / TIMED),
                unaudited.latency(data + WITHOUT_AUDIT, limit, records / TIMED));
    }

    /** The records the audited service answered. */
    private long alternate(int limit, int requests, Supplier<Instant> windows, Sample audited, Sample unaudited)
            throws Exception {
        long records = 0;
        for (int i = 0; i < requests; i++) {
            String vin = vins.get(random.nextInt(CARS));
            Instant from = windows.get();
            if (i % 2 == 0) {
                records += request(storage.api(), vin, from, limit, audited, i);
                request(plain.api(), vin, from, limit, unaudited, i);
            } else {
                request(plain.api(), vin, from, limit, unaudited, i);
                records += request(storage.api(), vin, from, limit, audited, i);
            }
        }
        return records;
    }

    private long run(int limit, int requests, Supplier<Instant> windows, Sample sample) throws Exception {
        long records = 0;
        for (int i = 0; i < requests; i++) {
            records += request(storage.api(), vins.get(random.nextInt(CARS)), windows.get(), limit, sample, i);
        }
        return records;
    }

    /** One request for 24 hours from {@code from}, its times kept as the {@code i}-th of the sample; its records. */
    private long request(String api, String vin, Instant from, int limit, Sample sample, int i) throws Exception {
        String token = storage.jwt.token(owner(vin), "vdp-portal", "owner");
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v1/vehicles/" + vin
                + "/telemetry?from=" + from + "&to=" + from.plus(1, ChronoUnit.DAYS) + "&limit=" + limit))
                .header("Authorization", "Bearer " + token).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        sample.client[i] = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("history answered " + response.statusCode() + ": " + response.body());
        }
        sample.server[i] = ServerTiming.nanos(response);
        for (int p = 0; p < ServerTiming.READ_PARTS.size(); p++) {
            sample.parts[p][i] = ServerTiming.nanos(response, ServerTiming.READ_PARTS.get(p));
        }
        return count(response.body(), "\"seq\":");
    }

    /** Nanoseconds of a row's requests: client round trips, the service's time and its parts. */
    private record Sample(long[] client, long[] server, long[][] parts) {

        Sample(int requests) {
            this(new long[requests], new long[requests], new long[ServerTiming.READ_PARTS.size()][requests]);
        }

        Latency latency(String data, int limit, long records) {
            Arrays.sort(client);
            Arrays.sort(server);
            Arrays.stream(parts).forEach(Arrays::sort);
            return new Latency(data, limit, client.length, client, server, parts, records);
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
