package cn.vdp.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.vdp.common.vin.Vin;

/**
 * What the audit write adds to an owner's read: the same page of telemetry read from two storage-service processes
 * side by side on the same database, one auditing (every read has its hash-chained event committed before it
 * answers) and one started with the benchmark-only switch storage.audit.enabled=false (refused under the prod
 * profile; both run the "bench" profile so that nothing else differs); and, as a lower bound of any durable
 * audit, the plain read with a bare commit beside it ({@link CommitBeside}). Requests go to each variant in turn, so
 * machine noise hits all alike. Also times a full chain verification.
 */
final class AuditReadBench {

    private static final int REQUESTS = Integer.getInteger("bench.audit.requests", 10_000);
    private static final int WARMUP = Integer.getInteger("bench.audit.warmup", 3_000);
    private static final int WARMUP_ROUND = 2_000;
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(Long.getLong("bench.audit.warmup-limit-seconds",
            180));
    private static final int[] CONCURRENCY = { 1, 4 };
    /** About the time between two audited reads of one client (each alternates with a read without audit). */
    private static final long PROBE_PAUSE_MICROS = 5_000;

    private final Path root;

    AuditReadBench(Path root) {
        this.root = root;
    }

    void run() throws Exception {
        String loadBefore = MachineLoad.averages();
        Map<String, String> bench = Map.of("quarkus.profile", "bench", "storage.audit.enabled", "true");
        // PostgreSQL times its WAL flushes, so the report can say what the commits of audit events cost it.
        try (BenchStorage storage = BenchStorage.start(root, "vdp-bench-audit", bench,
                Map.of("track_wal_io_timing", "on"));
                BenchStorage.Sibling plain = storage.sibling(root, "storage-plain.log",
                        Map.of("quarkus.profile", "bench", "storage.audit.enabled", "false"));
                CommitBeside commits = CommitBeside.open(storage.jdbc, storage.roles.owner(),
                        storage.roles.ownerPassword(), CONCURRENCY[CONCURRENCY.length - 1])) {
            String vin = Vin.withCheckDigit("LBN0BENCHA0000001");
            AuditReadClient withAudit = new AuditReadClient(storage.api(), storage.jwt, vin);
            AuditReadClient without = new AuditReadClient(plain.api(), storage.jwt, vin);
            // the same plain reads, each with a bare commit beside it; its own client keeps its own server times
            AuditReadClient besideCommit = new AuditReadClient(plain.api(), storage.jwt, vin);
            List<CommitBeside.Timed> variants = List.of(withAudit::read, without::read,
                    () -> commits.around(besideCommit::read));
            withAudit.seed();
            System.out.println("warming up with " + WARMUP + " reads of each variant, then until the JIT is quiet");
            alternate(variants, WARMUP, 1);
            String warmup = JitWarmup.untilQuiet(Duration.ZERO, WARMUP_LIMIT,
                    () -> alternate(variants, WARMUP_ROUND, CONCURRENCY[CONCURRENCY.length - 1]),
                    storage.jvm(), plain.jvm());
            List<String> rows = new ArrayList<>();
            List<String> audits = new ArrayList<>();
            List<String> jit = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            List<String> flushes = new ArrayList<>();
            List<String> floors = new ArrayList<>();
            String headline = null;
            for (int threads : CONCURRENCY) {
                System.out.println("timing " + REQUESTS + " reads each, " + threads + " client(s)");
                withAudit.clearTimes();
                without.clearTimes();
                besideCommit.clearTimes();
                TaskFigures[] jitBefore = { CpuTime.ofJit(storage.pid()), CpuTime.ofJit(plain.process().pid()) };
                WalStats walBefore = storage.wal();
                long[][] times = alternate(variants, REQUESTS, threads);
                flushes.add(threads + " client(s): " + storage.wal().flushesSince(walBefore));
                jit.add(String.format("%d client(s): %.1f / %.1f", threads,
                        CpuTime.ofJit(storage.pid()).since(jitBefore[0]),
                        CpuTime.ofJit(plain.process().pid()).since(jitBefore[1])));
                rows.add(row("with audit", threads, times[0], withAudit.sortedServerTimes()));
                rows.add(row("without audit", threads, times[1], without.sortedServerTimes()));
                rows.add(row("without audit, a bare commit beside", threads, times[2],
                        besideCommit.sortedServerTimes()));
                audits.add(auditTimes(storage, threads));
                parts.add(String.format("%d client(s), with audit: %s; without: %s", threads, withAudit.parts(),
                        without.parts()));
                String diff = String.format("p99 difference at %d client(s): **%+.3f ms** (p50 %+.3f ms)", threads,
                        Percentiles.millis(times[0], 99) - Percentiles.millis(times[1], 99),
                        Percentiles.millis(times[0], 50) - Percentiles.millis(times[1], 50));
                headline = headline == null ? diff : headline + "; " + diff;
                floors.add(String.format("%+.3f ms at %d client(s) (p50 %+.3f ms)",
                        Percentiles.millis(times[2], 99) - Percentiles.millis(times[1], 99), threads,
                        Percentiles.millis(times[2], 50) - Percentiles.millis(times[1], 50)));
            }
            // The verification first: a regulator's query waits until the reads' staged events are chained.
            double verifySeconds = withAudit.timeVerification();
            long events = count(storage, "SELECT count(*) FROM audit_event WHERE action = 'telemetry.read'");
            long expected = withAudit.reads.get();
            String probe = DurableWriteProbe.measure(storage.work, 1000, PROBE_PAUSE_MICROS);
            report(warmup, rows, String.join("; ", audits), String.join("; ", jit), String.join("; ", parts),
                    String.join("; ", flushes) + ". The same disk without PostgreSQL (8 KiB written and fdatasync'd, "
                            + "bench DurableWriteProbe): " + probe, headline, String.join(", ", floors), events,
                    expected, verifySeconds,
                    count(storage, "SELECT count(*) FROM audit_event"),
                    loadBefore + " before, " + MachineLoad.averages() + " after");
        }
    }

    /**
     * Each client thread reads once with each variant in turn, starting with each variant in turn, so that machine
     * noise hits all alike; nanos per request, sorted, by variant.
     */
    private static long[][] alternate(List<CommitBeside.Timed> variants, int requests, int threads) throws Exception {
        int count = variants.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[][]>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = requests / threads;
                workers.add(pool.submit(() -> {
                    long[][] times = new long[count][share];
                    for (int i = 0; i < share; i++) {
                        for (int k = 0; k < count; k++) {
                            int v = (i + k) % count;
                            times[v][i] = variants.get(v).run();
                        }
                    }
                    return times;
                }));
            }
            long[][] all = new long[count][0];
            for (Future<long[][]> worker : workers) {
                long[][] times = worker.get();
                for (int v = 0; v < count; v++) {
                    long[] joined = Arrays.copyOf(all[v], all[v].length + times[v].length);
                    System.arraycopy(times[v], 0, joined, all[v].length, times[v].length);
                    all[v] = joined;
                }
            }
            for (long[] variant : all) {
                Arrays.sort(variant);
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static String row(String variant, int threads, long[] sorted, long[] server) {
        return String.format("| %s | %d | %,d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |", variant, threads,
                sorted.length, Percentiles.millis(sorted, 50), Percentiles.millis(sorted, 99),
                Percentiles.millis(sorted, 99.9), Percentiles.millis(sorted, 100), Percentiles.millis(server, 50),
                Percentiles.millis(server, 99));
    }

    /**
     * The audit's own figures over the phase just run (Micrometer's percentiles cover about the last two minutes):
     * the time to stage one read's event, commit included, and events chained per statement.
     */
    private static String auditTimes(BenchStorage storage, int threads) throws Exception {
        PrometheusScrape metrics = PrometheusScrape.of(storage.management("/q/metrics"));
        String stages = "storage_audit_read_stage_seconds";
        return String.format("%d client(s): staging p50 %.3f ms, p99 %.3f ms, %.2f events per chaining so far",
                threads, 1000 * metrics.value(stages, "quantile=\"0.5\""),
                1000 * metrics.value(stages, "quantile=\"0.99\""),
                metrics.value("storage_audit_chained_events_total", "")
                        / metrics.value("storage_audit_chain_seconds_count", ""));
    }

    private static long count(BenchStorage storage, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(storage.jdbc, storage.roles.app(),
                storage.roles.appPassword());
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void report(String warmup, List<String> rows, String audits, String jit, String parts, String durability,
            String headline, String floor, long events, long expected,
            double verifySeconds, long chainLength, String load) throws Exception {
        String body = String.format("""
                Command: `make bench BENCH=audit-read` (`BenchMain audit-read`). Two storage-service processes run \
                side by side as packaged jars (`java -jar`, -Xmx1g -XX:MaxGCPauseMillis=20 as in its Dockerfile, \
                profile `bench`) against one embedded \
                PostgreSQL 17 (fsync and synchronous_commit on): one audits, the other runs with \
                `storage.audit.enabled=false`, a switch the service refuses under the prod profile. The read is \
                the same for both: an owner's `GET /api/v1/vehicles/{vin}/telemetry?limit=%d` (real RS256 token \
                check, ownership check, a page of %d records from %,d stored). With audit, the read also stages \
                its audit event: one INSERT into `audit_staged`, committed durably on a connection of its own \
                while the read's query runs (several reads' at once); the read answers only once it is \
                committed. The service's chainer moves staged events into the hash chain moments later, under \
                the chain's lock, in batches. \
                A third variant is a lower bound of any audit that is durable before the read answers: the plain \
                read with a bare durable commit beside it (bench `CommitBeside`: the bench's own one-row INSERT \
                into an unindexed table of the same database, committed on a connection of its own on another \
                thread, started with the request; the read counts as done when both are). It overlaps the whole \
                request, from the client's send, which an audit in the service cannot: that starts once the \
                request has arrived and its access is checked. Each client thread \
                reads with each variant in turn, so background noise hits all alike; latency is measured by the \
                client, from request to full answer. Warm-up: %,d reads each, then %s.

                | variant | clients | requests | p50 ms | p99 ms | p99.9 ms | max ms | server p50 ms | server p99 ms |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                %s

                *Server*: the read inside the service, waiting for its audit event included (its `Server-Timing` \
                header). Its parts, p50 / p99 ms (`Server-Timing` access, rows, audit): %s. Staging and \
                chaining (`storage_audit_read_stage_seconds`, `storage_audit_chained_events`, \
                `storage_audit_chain_seconds`): %s. CPU seconds of the JIT compiler threads while timed, \
                audited / plain service: %s.

                What a durable commit costs here: PostgreSQL's WAL flushes while timed (`pg_stat_wal`, \
                `track_wal_io_timing` on; nearly all of them are audit events staged and chained, and bare commits) %s.

                %s. Target: the audited read costs at most 1 ms more at p99. The bare commit beside the plain \
                read adds, at p99: %s. Audit events of reads chained for the \
                audited service: %,d (expected %,d: one per read, none from the other service).

                Verifying the whole chain (%,d events, streamed in id order, every hash recomputed) through \
                `GET /api/v1/audit/verification`: %.2f s.

                Machine load (1 / 5 / 15-minute averages): %s. Anything above 2 means other work shared the \
                cores.
                """, AuditReadClient.PAGE, AuditReadClient.PAGE, AuditReadClient.RECORDS, WARMUP, warmup,
                String.join("\n", rows), parts, audits, jit, durability, headline, floor, events, expected, chainLength,
                verifySeconds, load);
        System.out.println(body);
        BenchReport.write(root, "audit-read", "Audited owner read vs the same read without audit", body);
    }
}
