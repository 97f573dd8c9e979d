package cn.vdp.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.vdp.common.security.Roles;
import cn.vdp.devcerts.CertificateFolder;
import cn.vdp.devcerts.DevCertificates;
import cn.vdp.devcerts.LocalTokenEndpoint;
import cn.vdp.devpg.DatabaseBootstrap;
import cn.vdp.devpg.DatabaseRoles;
import cn.vdp.devpg.EmbeddedServer;
import cn.vdp.fleet.Fleet;
import cn.vdp.fleet.FleetOptions;
import cn.vdp.fleet.FleetStats;
import cn.vdp.fleet.OperatorApiRegistry;

/**
 * End to end through mTLS -> ingest -> storage -> commit, with the fleet simulator's cars: the most records per
 * second acknowledged (acknowledged = committed), its ratio to a raw COPY of the same rows, and the answer time
 * at a fixed 5,000 records/s. Tokens: ingest gets its client-credentials token from a local token endpoint in
 * this process; storage-service verifies it with that endpoint's public key (quarkus.oidc.public-key).
 */
final class IngestEndToEndBench {

    private static final int CARS = Integer.getInteger("bench.ingest.cars", 200);
    private static final int BATCH = Integer.getInteger("bench.ingest.batch", 100);
    /**
     * The JVMs' warm-up, as fast as acknowledged: at 5,000 records/s the hot paths (TLS, JSON, the intake) reach the
     * C2 compiler's thresholds only after a minute or more, and their compilation (up to 0.9 s of CPU per method)
     * then takes about half of the 2 cores while latency is timed. Production runs native images, which do not
     * compile at run time.
     */
    private static final Duration BURST = Duration.ofSeconds(Long.getLong("bench.ingest.burst-seconds", 30));
    /** Then at the fixed rate, after a checkpoint of the burst's writes, before the timed part (and its checkpoint). */
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.ingest.warmup-seconds", 30));
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(
            Long.getLong("bench.ingest.warmup-limit-seconds", 150));
    private static final Duration WARMUP_ROUND = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("bench.ingest.settle-seconds", 20));
    private static final Duration TIMED = Duration.ofSeconds(Long.getLong("bench.ingest.timed-seconds", 30));
    /** The fixed rate is timed for this many windows of {@link #TIMED} in a row: one run shows how much p99 moves. */
    private static final int FIXED_WINDOWS = Integer.getInteger("bench.ingest.timed-windows", 3);
    private static final double FIXED_RATE = 5000;
    /** A flush of the disk alone slower than the p99 target is a stall that the commits at that moment wait out. */
    private static final Duration DISK_STALL = Duration.ofMillis(20);
    private static final Duration PROBE_EVERY = Duration.ofMillis(50);
    private static final Duration IDLE_DISK = Duration.ofSeconds(Long.getLong("bench.ingest.idle-disk-seconds", 30));
    private static final int STORAGE_HTTP = 18082;
    private static final int STORAGE_MANAGEMENT = 19082;
    private static final int INGEST_HTTPS = 18443;
    private static final int INGEST_MANAGEMENT = 19081;
    private static final String SECRET = "bench-secret";
    private static final IngestStorageCalls STORAGE_CALLS = new IngestStorageCalls(
            URI.create("http://localhost:" + INGEST_MANAGEMENT + "/q/metrics"),
            URI.create("http://localhost:" + STORAGE_MANAGEMENT + "/q/metrics"));

    private final Path root;

    IngestEndToEndBench(Path root) {
        this.root = root;
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("vdp-bench-ingest");
        try {
            run(work);
        } finally {
            WorkFolder.delete(work);
        }
    }

    private void run(Path work) throws Exception {
        DatabaseRoles roles = DatabaseRoles.withPasswords("bench-owner", "bench-app");
        CertificateFolder certificates = new CertificateFolder(work.resolve("certs"));
        System.out.println("generating certificates for " + CARS + " cars");
        DevCertificates.ensure(certificates, CARS);
        String idleDisk = idleDisk(work);
        try (EmbeddedPostgres postgres = EmbeddedServer.start(work.resolve("pg"), 0, postgresSettings(root));
                LocalTokenEndpoint tokens = LocalTokenEndpoint.start("vdp-ingest", SECRET, Duration.ofMinutes(10),
                        Roles.INGEST)) {
            DatabaseBootstrap.apply(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", roles);
            String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + roles.database();
            // The fleet is closed whatever fails: its event loops would otherwise keep the JVM running after main.
            try (ServiceProcess storage = startStorage(work, jdbc, roles, tokens);
                    ServiceProcess ingest = startIngest(work, certificates, tokens);
                    Fleet fleet = new Fleet(new FleetOptions(URI.create("https://localhost:" + INGEST_HTTPS),
                            certificates.root(), CARS, 0, BATCH, Duration.ofMillis(500), Duration.ofSeconds(15), 2))) {
                OperatorApiRegistry registry = new OperatorApiRegistry(URI.create("http://localhost:" + STORAGE_HTTP),
                        () -> operatorToken(tokens));
                for (String vin : fleet.vins()) {
                    registry.register(vin, "bench-owner");
                }
                measure(fleet, storage, ingest, jdbc, roles, postgres, work.resolve("pg"), idleDisk);
            }
        }
    }

    private void measure(Fleet fleet, ServiceProcess storage, ServiceProcess ingest, String jdbc, DatabaseRoles roles,
            EmbeddedPostgres postgres, Path databaseDisk, String idleDisk) throws Exception {
        String loadBefore = MachineLoad.now();
        // Latency first, in steady state at the fixed rate, after a short burst for the JIT: measured after the long
        // saturation phase it would time PostgreSQL's checkpoint of that phase rather than the path of a record.
        fleet.start();
        fleet.rate(0);
        System.out.println("warming up the JIT for " + BURST.toSeconds() + " s, " + CARS
                + " cars as fast as acknowledged");
        Thread.sleep(BURST.toMillis());
        fleet.rate(FIXED_RATE);
        // Writes the burst's pages out now, so that this checkpoint does not fall into the timed part.
        BenchStorage.checkpoint(postgres);
        System.out.println("warming up at least " + WARMUP.toSeconds() + " s, " + CARS + " cars at " + FIXED_RATE
                + " records/s, until the JIT is quiet");
        String warmup = JitWarmup.untilQuiet(WARMUP, WARMUP_LIMIT, () -> Thread.sleep(WARMUP_ROUND.toMillis()),
                new JitWarmup.Service(storage.pid(), STORAGE_CALLS.storageMetrics()),
                new JitWarmup.Service(ingest.pid(), STORAGE_CALLS.ingestMetrics()));
        // A fresh cluster has no WAL files to reuse: it creates each 16 MB segment, filled with zeros and flushed
        // before use, and the commits behind it wait (every few seconds at this rate). A running database reuses
        // the segments its last checkpoint freed; this checkpoint frees the warm-up's, as a periodic one would.
        BenchStorage.checkpoint(postgres);
        WalStats walBefore = WalStats.of(postgres);
        DiskStallProbe disk = DiskStallProbe.start(databaseDisk, PROBE_EVERY);
        fleet.stats().resetLatencies();
        // Wall-clock start of second 0, to line the slow seconds up with the services' and PostgreSQL's logs.
        System.out.println("fixed: timed from " + java.time.LocalTime.now());
        FleetStats.Snapshot fixedBefore = fleet.stats().snapshot();
        ServiceCpu fixedCpuBefore = ServiceCpu.of(storage, ingest);
        double[] machineBefore = MachineLoad.cpuSeconds();
        PrometheusScrape[] metricsBefore = STORAGE_CALLS.scrape();
        Thread.sleep(TIMED.toMillis() * FIXED_WINDOWS);
        FleetStats.Snapshot fixedAfter = fleet.stats().snapshot();
        AnswerTimes answers = new AnswerTimes(fleet.stats().latencies(), TIMED, FIXED_WINDOWS);
        List<DiskStallProbe.Flush> flushes = disk.flushesSince(answers.since());
        disk.close();
        ServiceCpu.Interval fixedCpu = ServiceCpu.of(storage, ingest).since(fixedCpuBefore);
        double[] machine = ServiceCpu.minus(MachineLoad.cpuSeconds(), machineBefore);
        WalStats walAfter = WalStats.of(postgres);
        double[] waited = fixedCpu.waited();
        String storageCalls = IngestStorageCalls.between(metricsBefore, STORAGE_CALLS.scrape())
                + String.format(". PostgreSQL wrote %.1f MB of WAL per second; WAL segment files: %,d before the "
                        + "timed part, %,d after (one is created, zero-filled, when none is left to reuse)",
                        (walAfter.bytes() - walBefore.bytes()) / 1e6 / TIMED.toSeconds() / FIXED_WINDOWS,
                        walBefore.files(), walAfter.files())
                + String.format(". Threads runnable but waiting for a core (the kernel's run delay, /proc "
                        + "schedstat), summed over the timed part: ingest %.1f, storage %.1f, PostgreSQL %.1f, "
                        + "simulator %.1f s", waited[1], waited[0], waited[2], waited[3]);
        double p50 = answers.millis(50);
        double p99 = answers.millis(99);
        int samples = answers.count();
        storageCalls += String.format(". Answer time p50 / p99 in each %d-s window in turn: %s. The answers slower "
                + "than p99, counted by the second of the timed part in which they were sent, busiest seconds first: %s. "
                + "Requests the fleet sent (as even as its cars' own rhythms make them, unless they coincide): %s. "
                + "The disk alone, probed meanwhile by the bench (8 KiB overwritten and fdatasync'd every %d ms in a "
                + "file beside the database's, as a commit flushes WAL): %s; of the %,d answers slower than p99, %,d "
                + "were in flight during one of those stalls. The same probe on the idle machine, before the "
                + "benchmark started anything and after a sync, for %d s: %s",
                TIMED.toSeconds(), answers.perWindow(), answers.slowestBySecond(99, 5),
                answers.sendsPerSlot(Duration.ofMillis(10)), PROBE_EVERY.toMillis(),
                DiskStallProbe.summary(flushes, DISK_STALL, answers.since()), answers.slowerThan(99),
                answers.slowerInFlightDuring(99, DiskStallProbe.stalls(flushes, DISK_STALL)), IDLE_DISK.toSeconds(),
                idleDisk);
        System.out.println("fixed: " + storageCalls);
        System.out.printf("fixed: %,.0f records/s, p50 %.1f ms, p99 %.1f ms%n",
                fixedAfter.acknowledgedPerSecond(fixedBefore), p50, p99);

        fleet.rate(0);
        System.out.println("as fast as acknowledged: " + SETTLE.toSeconds() + " s to settle, then timed");
        Thread.sleep(SETTLE.toMillis());
        ServiceCpu cpuBefore = ServiceCpu.of(storage, ingest);
        FleetStats.Snapshot before = fleet.stats().snapshot();
        Thread.sleep(TIMED.toMillis());
        FleetStats.Snapshot after = fleet.stats().snapshot();
        double[] cpu = ServiceCpu.of(storage, ingest).since(cpuBefore).used();
        double maxRate = after.storedPerSecond(before);
        System.out.printf("max: %,.0f records/s stored end to end%n", maxRate);
        boolean drained = fleet.drain(Duration.ofSeconds(60));
        FleetStats.Snapshot end = fleet.stats().snapshot();

        long inDatabase = storedRecords(jdbc, roles);
        System.out.println("timing raw COPY of the same rows");
        double copy = CopyBaseline.recordsPerSecond(jdbc, roles.app(), roles.appPassword(), 1_000_000_000_000_000L, 1);
        double copyParallel = CopyBaseline.recordsPerSecond(jdbc, roles.app(), roles.appPassword(),
                2_000_000_000_000_000L, 2);
        String load = "load average " + loadBefore + " before, " + MachineLoad.now() + " after";
        report(maxRate, after.stored() - before.stored(), cpu, fixedCpu.used(), fixedCpu.runtime(), machine,
                storageCalls, warmup,
                fixedAfter.acknowledgedPerSecond(fixedBefore), p50,
                p99, samples, Math.max(copy, copyParallel), copy, copyParallel, end, inDatabase, drained, load);
    }

    private void report(double maxRate, long maxRecords, double[] cpu, double[] fixedCpu,
            double[] fixedRuntime, double[] machine, String storageCalls, String warmup,
            double fixedRate, double p50, double p99,
            int samples, double baseline, double copy, double copyParallel, FleetStats.Snapshot end,
            long inDatabase, boolean drained, String load) throws Exception {
        String body = String.format("""
                Command: `make bench BENCH=ingest-e2e` (`BenchMain ingest-e2e`). Everything on this machine: an \
                embedded PostgreSQL 17 (fsync on; the chart's settings, and any -Dbench.pg.* given: %s), storage-service and ingest-service as packaged jars (`java -jar`, \
                -Xmx1g -XX:MaxGCPauseMillis=20 each, as in their Dockerfiles), and in the bench JVM the fleet simulator's %d cars, each over its own mutual-TLS \
                connection with its own certificate (EC P-256, TLS 1.3), plus a local client-credentials token \
                endpoint for ingest's storage token. A record has 10-16 signals of a driving, parked or charging \
                car; without consent, location and driving signals are dropped by ingest. A record counts when \
                its car got the answer STORED, i.e. after storage-service committed it. First %d s as fast as acknowledged, \
                for the JIT compilers (production runs native images, which compile nothing at run time), and a \
                PostgreSQL CHECKPOINT; then the fixed rate (warm-up at that rate: at least %d s, then %s; then a \
                CHECKPOINT, so that the timed part reuses WAL segments as a running database does instead of \
                creating them; then timed %d s (%d windows of %d s), latency from sending a request to its \
                answer); then as fast as acknowledged again (settle, then timed).

                | measure | value |
                | --- | ---: |
                | end to end, as fast as acknowledged (%d cars, up to %d records per request) | **%,.0f records/s** (%,d records) |
                | CPU s in the timed part: ingest / storage / PostgreSQL (every postgres process on the machine) / simulator | %.1f / %.1f / %.1f / %.1f |
                | raw COPY of the same rows, 1 stream / 2 parallel streams | %,.0f / %,.0f records/s |
                | end to end / faster raw COPY | **%.0f%%** |
                | at a fixed %,.0f records/s (achieved %,.0f): answer time p50 / p99 (%,d requests) | **%.1f ms / %.1f ms** |
                | CPU s in the timed fixed-rate part: ingest / storage / PostgreSQL / simulator | %.1f / %.1f / %.1f / %.1f |

                In the timed fixed-rate part, ingest made %s. Of the CPU seconds above, the JIT compiler \
                threads took %.1f in ingest and %.1f in storage, the garbage collector's threads %.1f and %.1f. The whole machine \
                (both cores, /proc/stat) in that part: busy %.1f, idle or waiting for I/O %.1f, stolen by the \
                hypervisor %.1f CPU seconds.

                Checked at the end: %,d records answered STORED, %,d distinct records in the database%s (the \
                database may hold more: a record committed whose answer was lost is resent and answered \
                DUPLICATE); %d answers 503, %d answers 429, %d requests unanswered (their records were resent). \
                Targets: \
                >= 20,000 records/s end to end and p99 <= 20 ms at 5,000 records/s, on %d cores shared by all \
                four processes (%s; anything above 2 means other work shared the cores and the figures are low).
                """, postgresSettings(root), CARS, BURST.toSeconds(),
                WARMUP.toSeconds(), warmup, TIMED.toSeconds() * FIXED_WINDOWS, FIXED_WINDOWS, TIMED.toSeconds(),
                CARS, BATCH, maxRate, maxRecords, cpu[1], cpu[0],
                cpu[2], cpu[3], copy, copyParallel, maxRate / baseline * 100, FIXED_RATE, fixedRate, samples, p50,
                p99, fixedCpu[1], fixedCpu[0], fixedCpu[2], fixedCpu[3], storageCalls,
                fixedRuntime[1], fixedRuntime[0], fixedRuntime[3], fixedRuntime[2], machine[0], machine[1], machine[2],
                end.stored(), inDatabase, drained ? "" : " (not every record was answered in time)",
                end.unavailable(), end.rateLimited(), end.failedRequests(),
                Runtime.getRuntime().availableProcessors(), load);
        System.out.println(body);
        BenchReport.write(root, "ingest-e2e", "End to end: cars over mTLS -> ingest -> storage -> commit", body);
    }

    /**
     * The disk's stalls before anything of the benchmark runs: whether the stalls a run meets are the machine's own or
     * of the run's making.
     */
    private static String idleDisk(Path work) throws Exception {
        System.out.println("probing the idle disk for " + IDLE_DISK.toSeconds() + " s");
        // What the build before the benchmark left in the page cache is written out first, so its write-back is not
        // taken for the disk's own stalls.
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        long since = System.nanoTime();
        try (DiskStallProbe probe = DiskStallProbe.start(work, PROBE_EVERY)) {
            Thread.sleep(IDLE_DISK.toMillis());
            return DiskStallProbe.summary(probe.flushesSince(since), DISK_STALL, since);
        }
    }

    private ServiceProcess startStorage(Path work, String jdbc, DatabaseRoles roles, LocalTokenEndpoint tokens)
            throws Exception {
        Path log = work.resolve("storage.log");
        System.out.println("starting storage-service (log: " + log + ")");
        return ServiceProcess.start(root, "storage-service", Map.ofEntries(
                Map.entry("quarkus.http.port", String.valueOf(STORAGE_HTTP)),
                Map.entry("quarkus.management.port", String.valueOf(STORAGE_MANAGEMENT)),
                Map.entry("quarkus.datasource.jdbc.url", jdbc),
                Map.entry("quarkus.datasource.password", roles.appPassword()),
                Map.entry("quarkus.flyway.password", roles.ownerPassword()),
                Map.entry("quarkus.oidc.auth-server-url", ""),
                Map.entry("quarkus.oidc.public-key", tokens.jwt().publicKey()),
                Map.entry("quarkus.oidc.token.issuer", tokens.issuer()),
                Map.entry("storage.residency.region", "cn-north-1"),
                Map.entry("storage.residency.allowed-regions", "cn-north-1"),
                Map.entry("storage.export.generate-development-key", "true"),
                Map.entry("quarkus.log.level", "WARN")), log,
                URI.create("http://localhost:" + STORAGE_MANAGEMENT + "/q/health/ready"));
    }

    private ServiceProcess startIngest(Path work, CertificateFolder certificates, LocalTokenEndpoint tokens)
            throws Exception {
        Path log = work.resolve("ingest.log");
        System.out.println("starting ingest-service (log: " + log + ")");
        return ServiceProcess.start(root, "ingest-service", Map.ofEntries(
                Map.entry("quarkus.http.ssl-port", String.valueOf(INGEST_HTTPS)),
                Map.entry("quarkus.management.port", String.valueOf(INGEST_MANAGEMENT)),
                Map.entry("quarkus.tls.fleet.key-store.pem.server.cert", certificates.serverCertificate().toString()),
                Map.entry("quarkus.tls.fleet.key-store.pem.server.key", certificates.serverKey().toString()),
                Map.entry("quarkus.tls.fleet.trust-store.pem.certs", certificates.fleetCa().toString()),
                Map.entry("quarkus.rest-client.storage.url", "http://localhost:" + STORAGE_HTTP),
                Map.entry("quarkus.oidc-client.auth-server-url", tokens.issuer()),
                // The profiled name: application.properties requires the secret from the environment in prod.
                Map.entry("%prod.quarkus.oidc-client.credentials.secret", SECRET),
                // Simulated cars send far more than a real car would; the per-car limit is not what is measured.
                Map.entry("ingest.rate-limit.records-per-second", "100000"),
                Map.entry("ingest.rate-limit.burst-records", "100000"),
                Map.entry("quarkus.log.level", "WARN")), log,
                URI.create("http://localhost:" + INGEST_MANAGEMENT + "/q/health/ready"));
    }

    private static String operatorToken(LocalTokenEndpoint tokens) {
        try {
            return tokens.jwt().token("bench-operator", "vdp-portal", Roles.OPERATOR);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedRecords(String jdbc, DatabaseRoles roles) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, roles.app(), roles.appPassword());
                ResultSet count = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM (SELECT DISTINCT vin, seq FROM telemetry) r")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Production's PostgreSQL settings (the chart's), then any to try without a rebuild: -Dbench.pg.min_wal_size=2GB
     * sets min_wal_size.
     */
    private static Map<String, String> postgresSettings(Path root) throws java.io.IOException {
        Map<String, String> settings = ChartPostgres.settings(root);
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench.pg."))
                .forEach(n -> settings.put(n.substring("bench.pg.".length()), System.getProperty(n)));
        return settings;
    }
}
