package cn.vdp.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.postgresql.PGConnection;

import cn.vdp.common.vin.Vin;
import cn.vdp.devcerts.LocalJwt;
import cn.vdp.devpg.DatabaseRoles;

/**
 * Records per second written through storage-service's batch API (10 signals per record), and a raw COPY of the
 * same rows into the same table in the same run.
 */
final class StorageWriteBench {

    private static final int CARS = 1000;
    private static final int TIMED_RECORDS = 400_000;
    private static final int WARMUP_RECORDS = 60_000;
    private static final List<Integer> BATCH_SIZES = Arrays.stream(
            System.getProperty("bench.storage.batch-sizes", "1000,2000,5000").split(",")).map(Integer::valueOf).toList();
    /** The batch size ingest's group commit aims at; its figure is the headline. */
    private static final int HEADLINE_BATCH = 2000;
    private static final int CONCURRENT_BATCHES = Integer.getInteger("bench.storage.concurrency", 3);

    private final Path root;
    private final Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private final List<String> vins = new ArrayList<>();
    /** Each run writes records no earlier run wrote: this many records were generated so far. */
    private long generated;

    StorageWriteBench(Path root) {
        this.root = root;
        for (int i = 0; i < CARS; i++) {
            vins.add(Vin.withCheckDigit(String.format("LBN0BENCH0%07d", i)));
        }
    }

    void run() throws Exception {
        try (BenchStorage storage = BenchStorage.start(root, "vdp-bench-storage", Map.of())) {
            Api api = new Api(storage.api(), storage.jwt);
            registerCars(api);
            System.out.println("warming up the service's JIT with " + WARMUP_RECORDS * 2 + " records");
            send(api, batches(WARMUP_RECORDS * 2 / HEADLINE_BATCH, HEADLINE_BATCH), HEADLINE_BATCH);
            List<Result> viaApi = new ArrayList<>();
            for (int batchSize : BATCH_SIZES) {
                viaApi.add(measureApi(api, storage.pid(), batchSize));
            }
            Result copy = measureCopy(storage.jdbc, storage.roles, 1);
            Result copyParallel = measureCopy(storage.jdbc, storage.roles, 2);
            report(viaApi, copy, copyParallel);
        }
    }

    private void registerCars(Api api) throws Exception {
        System.out.println("registering " + CARS + " cars");
        for (String vin : vins) {
            api.post("/api/v1/vehicles", api.operator, "{\"vin\":\"" + vin
                    + "\",\"market\":\"CN\",\"model\":\"Bench\",\"ownerSubject\":\"bench-owner\"}", 201);
        }
    }

    private Result measureApi(Api api, long servicePid, int batchSize) throws Exception {
        List<byte[]> warmup = batches(WARMUP_RECORDS / batchSize, batchSize);
        List<byte[]> timed = batches(TIMED_RECORDS / batchSize, batchSize);
        System.out.println("batches of " + batchSize + ": warming up, then timing " + timed.size() + " batches, "
                + CONCURRENT_BATCHES + " in flight");
        send(api, warmup, batchSize);
        double serviceBefore = CpuTime.ofPid(servicePid);
        double postgresBefore = CpuTime.ofCommand("postgres");
        double clientBefore = CpuTime.ofPid(ProcessHandle.current().pid());
        long start = System.nanoTime();
        send(api, timed, batchSize);
        long elapsed = System.nanoTime() - start;
        return new Result("batch API, " + batchSize + " records per call", (long) timed.size() * batchSize, elapsed,
                new double[] { CpuTime.ofPid(servicePid) - serviceBefore,
                        CpuTime.ofCommand("postgres") - postgresBefore,
                        CpuTime.ofPid(ProcessHandle.current().pid()) - clientBefore });
    }

    private List<byte[]> batches(int count, int batchSize) {
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            StringBuilder json = new StringBuilder(batchSize * 330).append("{\"records\":[");
            for (int r = 0; r < batchSize; r++) {
                Sample s = sample(generated++);
                json.append(r == 0 ? "" : ",").append("{\"vin\":\"").append(s.vin).append("\",\"seq\":")
                        .append(s.seq).append(",\"recordedAt\":\"").append(s.at).append("\",\"signals\":{")
                        .append(s.stateJson(), 1, s.stateJson().length() - 1).append(',')
                        .append(s.batteryJson(), 1, s.batteryJson().length() - 1).append("}}");
            }
            bodies.add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static void send(Api api, List<byte[]> bodies, int batchSize) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_BATCHES);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENT_BATCHES; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        String answer = api.post("/api/v1/telemetry/batches", api.ingest, bodies.get(i), 200);
                        if (!answer.contains("\"stored\":" + batchSize + ",")) {
                            throw new IllegalStateException("not every record stored: " + answer.substring(0, 200));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** COPY of rows shaped exactly like the API's (one per record and category), of records not yet written. */
    private Result measureCopy(String jdbc, DatabaseRoles roles, int streams) throws Exception {
        List<byte[]> chunks = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            StringBuilder rows = new StringBuilder();
            for (int r = 0; r < TIMED_RECORDS / streams; r++) {
                Sample sample = sample(generated++);
                rows.append(sample.vin).append('\t').append(sample.at).append('\t').append(sample.seq)
                        .append("\tvehicle_state\t").append(sample.stateJson()).append('\n');
                rows.append(sample.vin).append('\t').append(sample.at).append('\t').append(sample.seq)
                        .append("\tbattery\t").append(sample.batteryJson()).append('\n');
            }
            chunks.add(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("timing raw COPY of the same rows, " + streams + " stream(s)");
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            long start = System.nanoTime();
            List<Future<Long>> copies = new ArrayList<>();
            for (byte[] chunk : chunks) {
                copies.add(pool.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(jdbc, roles.app(), roles.appPassword())) {
                        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                                "COPY telemetry (vin, recorded_at, seq, category, signals) FROM STDIN",
                                new ByteArrayInputStream(chunk));
                    }
                }));
            }
            long rows = 0;
            for (Future<Long> copy : copies) {
                rows += copy.get();
            }
            long elapsed = System.nanoTime() - start;
            return new Result("raw COPY, " + streams + (streams == 1 ? " stream" : " parallel streams"), rows / 2,
                    elapsed, null); // a COPY's backend exits with its connection, taking its CPU count along
        } finally {
            pool.shutdown();
        }
    }

    /** The n-th generated record: records cycle through all cars, each car's records one second apart. */
    private Sample sample(long n) {
        int car = (int) (n % CARS);
        long seq = n / CARS;
        double speed = (n * 7) % 130;
        return new Sample(vins.get(car), seq, base.plusSeconds(seq), speed, 20 + (n % 80), 350 + n % 50);
    }

    private record Sample(String vin, long seq, Instant at, double speed, double soc, double voltage) {
        String stateJson() {
            return "{\"vehicle.speed\":" + speed + ",\"vehicle.odometer\":" + (12000.5 + seq)
                    + ",\"vehicle.gear\":\"D\",\"vehicle.ignition\":true,\"vehicle.outside_temperature\":18.5}";
        }

        String batteryJson() {
            return "{\"battery.soc\":" + soc + ",\"battery.voltage\":" + voltage
                    + ",\"battery.current\":-42.5,\"battery.temperature\":31.0,\"battery.range\":" + (soc * 5) + "}";
        }
    }

    /** cpu: seconds used by storage-service, PostgreSQL and this client during the timed part, if known. */
    private record Result(String path, long records, long nanos, double[] cpu) {
        double perSecond() {
            return records / (nanos / 1e9);
        }

        String row() {
            String cpuText = cpu == null ? "n/a" : String.format("%.1f / %.1f / %.1f", cpu[0], cpu[1], cpu[2]);
            return String.format("| %s | %,d | %.2f | %,.0f | %s |", path, records, nanos / 1e9, perSecond(),
                    cpuText);
        }
    }

    private void report(List<Result> api, Result copy, Result copyParallel) throws Exception {
        Result baseline = copy.perSecond() >= copyParallel.perSecond() ? copy : copyParallel;
        Result headline = api.get(Math.max(0, BATCH_SIZES.indexOf(HEADLINE_BATCH)));
        StringBuilder rows = new StringBuilder();
        for (Result result : api) {
            rows.append(result.row()).append('\n');
        }
        rows.append(copy.row()).append('\n').append(copyParallel.row());
        String body = String.format("""
                Command: `make bench` (`BenchMain storage-write`). storage-service runs as its packaged jar \
                (`java -jar`, -Xmx1g -XX:MaxGCPauseMillis=20 as in its Dockerfile) \
                against an embedded PostgreSQL 17 (fsync on) on the same machine, behind \
                a real token check (RS256 JWT). The client sends pre-built JSON batches over HTTP/1.1, %d in \
                flight, for %d cars; each record has %d signals (5 vehicle-state, 5 battery), stored as one row \
                per record and category. Every answer is checked: all records STORED, committed before the \
                answer. The raw COPY writes the same rows (same shape, records not yet written) into the same \
                `telemetry` table with PgJDBC's CopyManager, after the API runs (so into a larger table).

                | path | records | seconds | records/s | CPU s: storage / PostgreSQL / client |
                | --- | ---: | ---: | ---: | ---: |
                %s

                Headline (batches of %d records, what ingest's group commit aims at): **%,.0f records/s**, \
                **%.0f%%** of the faster raw COPY (%,.0f records/s). Targets: >= 50,000 records/s through the API \
                and >= 50%% of raw COPY. Per-call costs (token check, transaction, commit flush, the market \
                lookup) are why small batches are slower; the machine has %d cores shared by all three processes.
                """, CONCURRENT_BATCHES, CARS, 10, rows, HEADLINE_BATCH, headline.perSecond(),
                headline.perSecond() / baseline.perSecond() * 100, baseline.perSecond(),
                Runtime.getRuntime().availableProcessors());
        System.out.println(body);
        BenchReport.write(root, "storage-write", "storage-service batch write vs raw COPY", body);
    }

    /** A tiny HTTP client holding the run's tokens. */
    static final class Api {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        final String operator;
        final String ingest;

        Api(String base, LocalJwt jwt) throws Exception {
            this.base = base;
            this.operator = jwt.token("bench-operator", "vdp-portal", "operator");
            this.ingest = jwt.token("service-account-vdp-ingest", "vdp-ingest", "ingest");
        }

        String post(String path, String token, String body, int expected) throws Exception {
            return post(path, token, body.getBytes(StandardCharsets.UTF_8), expected);
        }

        String post(String path, String token, byte[] body, int expected) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
