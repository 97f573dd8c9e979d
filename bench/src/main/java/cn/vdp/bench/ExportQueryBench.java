package cn.vdp.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * make bench BENCH=export-query: (a) an owner's streamed export of 1,000,000 records, with the service's heap
 * while it streams; (b) 24 hours of one car among 20,000,000 rows through the owner query API. Both against the
 * packaged storage-service and an embedded PostgreSQL 17, data loaded with COPY.
 */
final class ExportQueryBench {

    private static final List<String> PARTS = List.of(System.getProperty("bench.export-query.parts", "export,history")
            .split(","));
    /** The bench clusters the closed days itself, at a known moment (the job would start mid-load). */
    private static final Map<String, String> SERVICE_SETTINGS = Map.of("storage.export.generate-development-key",
            "true", "storage.telemetry.clustering.enabled", "false");

    private final Path root;
    private String loadAtStart;

    ExportQueryBench(Path root) {
        this.root = root;
    }

    void run() throws Exception {
        long started = System.nanoTime();
        loadAtStart = MachineInfo.loadAverage();
        Map<String, String> chart = ChartPostgres.settings(root);
        try (BenchStorage storage = BenchStorage.start(root, "vdp-bench-export",
                SERVICE_SETTINGS,
                // About 7 GB of data are loaded: a smaller WAL keeps the run within a machine's spare disk. Memory
                // as the chart gives PostgreSQL (ChartPostgres); -Dbench.history.shared-buffers=256MB shows a
                // database that must read most pages from the OS cache or the disk.
                Map.of("max_wal_size", "1GB",
                        "shared_buffers", System.getProperty("bench.history.shared-buffers",
                                chart.get("shared_buffers")),
                        "effective_cache_size", chart.get("effective_cache_size")))) {
            TelemetryLoader loader = new TelemetryLoader(storage.jdbc, storage.roles);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            loader.ensurePartitions(today.minusDays(HistoryRun.DAYS + 2), today.plusDays(1));
            ExportRun.Result export = PARTS.contains("export") ? new ExportRun(storage, loader).run() : null;
            HistoryRun.Result history = PARTS.contains("history") ? history(storage, loader) : null;
            report(export, history, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * With a second storage-service on the same database that does not audit its reads: the benchmark-only switch
     * storage.audit.enabled=false, refused under the prod profile, so that one runs profile "bench" (which differs
     * from prod only in its log format).
     */
    private HistoryRun.Result history(BenchStorage storage, TelemetryLoader loader) throws Exception {
        Map<String, String> unaudited = new HashMap<>(SERVICE_SETTINGS);
        unaudited.putAll(Map.of("quarkus.profile", "bench", "storage.audit.enabled", "false"));
        try (BenchStorage.Sibling plain = storage.sibling(root, "storage-plain.log", unaudited)) {
            return new HistoryRun(storage, plain, loader).run();
        }
    }

    private void report(ExportRun.Result export, HistoryRun.Result history, double totalSeconds) throws Exception {
        StringBuilder body = new StringBuilder(String.format("""
                Command: `make bench BENCH=export-query` (%.0f s in all, loading included). storage-service runs as \
                its packaged jar (`java -jar`, -Xmx1g -XX:MaxGCPauseMillis=20 as in its Dockerfile) \
                against an embedded PostgreSQL 17 on the same \
                machine, behind a real token check; the data is loaded with COPY as the schema owner. \
                Load average (1 min) at the start %s, at the end %s: other work on the machine slows every figure.
                """, totalSeconds, loadAtStart, MachineInfo.loadAverage()));
        if (export != null) {
            body.append(exportSection(export));
        }
        if (history != null) {
            body.append(historySection(history));
        }
        System.out.println(body);
        BenchReport.write(root, "export-query", "Owner export and history query", body.toString());
    }

    private static String exportSection(ExportRun.Result r) {
        StringBuilder quarters = new StringBuilder();
        for (int q = 0; q < r.quarters().size(); q++) {
            quarters.append(String.format("| %d/4 | %,d | %,d |%n", q + 1, r.quarters().get(q).heapUsed() / (1 << 20),
                    r.quarters().get(q).oldGenUsed() / (1 << 20)));
        }
        return String.format("""

                ### (a) Streamed export of %,d records

                One owner, %d cars, %,d records each (vehicle state, battery and location: %,d rows), through \
                `GET /api/v1/exports/mine`; the client writes the zip to disk as it arrives. Loading took %.0f s; \
                a warm-up export of one car took %.1f s.

                | records | seconds | records/s | zip | uncompressed | CPU s: storage / PostgreSQL / client |
                | ---: | ---: | ---: | ---: | ---: | ---: |
                | %,d | %.1f | **%,.0f** | %,d MB | %,d MB | %.1f / %.1f / %.1f |

                Heap of the service while it streamed (jvm_memory_used_bytes from /q/metrics, %d samples; highest \
                value per quarter of the download, MB):

                | quarter | heap used | old generation |
                | --- | ---: | ---: |
                %s
                Live heap after a full GC (jcmd GC.run): %,d MB before the export, %,d MB after it. The heap rises \
                and falls with young collections but does not grow with the export: rows stream from PostgreSQL \
                (COPY) and leave through the zip as they are read; CSV and GPX are deflated to temporary files \
                meanwhile (about a tenth of their size) and appended.

                The downloaded file verified offline with the published public key (common's ManifestVerifier): \
                **%s** in %.1f s. Target: >= 100,000 records/s with flat heap.
                """, r.records(), ExportRun.CARS, ExportRun.RECORDS_PER_CAR, r.rows(), r.loadSeconds(),
                r.warmupSeconds(), r.records(), r.seconds(), r.perSecond(), r.zipBytes() / 1_000_000,
                r.uncompressedBytes() / 1_000_000, r.cpu()[0], r.cpu()[1], r.cpu()[2], r.samples(), quarters, r.liveHeapBefore() / (1 << 20),
                r.liveHeapAfter() / (1 << 20), r.verdict(), r.verifySeconds());
    }

    /** "0.41 / 1.90 / 0.02": the given percentile of each Server-Timing part, ms. */
    private static String parts(HistoryRun.Latency l, double percent) {
        List<String> figures = new ArrayList<>();
        for (long[] part : l.parts()) {
            figures.add(String.format("%.2f", Percentiles.millis(part, percent)));
        }
        return String.join(" / ", figures);
    }

    /** "closed days, clustered, limit 100: 7.90 with, 4.11 ms without (+3.79 ms)" for each pair of rows. */
    private static String auditCosts(List<HistoryRun.Latency> latencies) {
        List<String> costs = new ArrayList<>();
        for (int i = 1; i < latencies.size(); i++) {
            HistoryRun.Latency without = latencies.get(i);
            HistoryRun.Latency with = latencies.get(i - 1);
            if (without.data().equals(with.data() + HistoryRun.WITHOUT_AUDIT) && without.limit() == with.limit()) {
                double p99With = Percentiles.millis(with.server(), 99);
                double p99Without = Percentiles.millis(without.server(), 99);
                costs.add(String.format("%s, limit %d: %.2f with, %.2f ms without (%+.2f ms)", with.data(),
                        with.limit(), p99With, p99Without, p99With - p99Without));
            }
        }
        return costs.isEmpty() ? "not measured" : String.join("; ", costs);
    }

    private static String historySection(HistoryRun.Result r) {
        StringBuilder rows = new StringBuilder();
        for (HistoryRun.Latency l : r.latencies()) {
            rows.append(String.format("| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | **%.2f** | %s | %s |%n",
                    l.data(), l.limit(), l.records(), Percentiles.millis(l.client(), 50),
                    Percentiles.millis(l.client(), 95), Percentiles.millis(l.client(), 99),
                    Percentiles.millis(l.server(), 50), Percentiles.millis(l.server(), 95),
                    Percentiles.millis(l.server(), 99), parts(l, 50), parts(l, 99)));
        }
        HistoryDatabase.Clustered longest = r.clustered().stream()
                .max(java.util.Comparator.comparingDouble(HistoryDatabase.Clustered::seconds)).orElseThrow();
        double clusterSeconds = r.clustered().stream().mapToDouble(HistoryDatabase.Clustered::seconds).sum();
        return String.format("""

                ### (b) 24 hours of one car among %,d rows

                %,d cars, %d days, a record every 86.4 s (1,000 per car and day), each a vehicle-state and a \
                battery row, loaded interleaved by time as cars send them (%.0f s; VACUUM ANALYZE and CHECKPOINT \
                %.0f s): %,d MB of telemetry (heap and indexes) against PostgreSQL's %s. Each request asks \
                `GET /api/v1/vehicles/{vin}/telemetry?from=..&to=..&limit=..` for a random car and a 24-hour window, \
                with that car's owner's token; one client, sequential, %,d timed requests per row after 300 of \
                warm-up; before the first row, warm-up rounds (300 requests at limit 100, 300 at limit 1000, 300 at \
                limit 100 to each service in turn): %s. \
                *Client*: the HTTP round trip (token check, query, JSON). *Server*: the query inside \
                storage-service (ownership check, database, merging rows into records, waiting for the read's \
                audit event, committed meanwhile), from its `Server-Timing` \
                header; the same time feeds the `storage_telemetry_query_seconds` timer (p50/p95/p99 on /q/metrics). \
                *Parts*: the same header splits the server's time into the ownership check, the rows (database and \
                merging) and the wait for the audit event once the rows were in; each part's own p50 and p99. Rows \
                *without the read's audit event* come from a second storage-service process on the same database, \
                started with the benchmark-only switch storage.audit.enabled=false (refused under the prod profile, so \
                it runs profile `bench`, which differs only in its log format); for them each request goes to both \
                services in turn, same car and window, so that what else the machine does hits both alike (which \
                one goes first changes from request to request, as the second finds the first's pages in memory), \
                and the audited row just above is measured in the same alternation.

                | data | limit | records per answer | client p50 ms | p95 | p99 | server p50 ms | p95 | p99 | parts p50: check / rows / audit | \
                parts p99 |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                %s
                Target: storage-service query p99 <= 5 ms. What the read's durable audit event (issue 5) costs the \
                server's p99: %s. *Closed days* are random windows inside the days that \
                have ended; *last 24 h* ends now, and its newest %.0f hours lie in today's partition, which is still \
                written to and so stays in arrival order (in production its pages are also the most recently \
                written, so mostly in memory; here all days were loaded alike).

                Rows are stored in arrival order, so with many cars sending at once one car's day lies on as many \
                heap pages as it has rows. storage-service's hourly job (`TelemetryClustering`) rewrites each day \
                partition once, an hour after the day ends, in primary-key order (`CLUSTER`, function \
                `telemetry_cluster_partition`); afterwards a car's day is a few adjacent pages. Here the job's \
                function clustered %d partitions in %.1f s (then VACUUM ANALYZE and CHECKPOINT again, as after the \
                load); the largest, `%s` (%,d rows, %,d MB), took %.1f s: \
                that is how long that one day's readers and late writers wait, once (today's writes never wait; \
                the job waits at most 2 s for the lock and otherwise retries on its next run).

                The default page (100 records, every signal) of one car's day, as the service runs it (second run \
                on one connection): partitions outside the day are pruned at plan time; each remaining one is read \
                backwards through its primary key, merged in time order, and the cursor stops once the page is \
                full. Before clustering: %s. After:

                ```
                %s```
                """, r.rows(), HistoryRun.CARS, HistoryRun.DAYS, r.loadSeconds(), r.vacuumSeconds(),
                r.bytes() / 1_000_000, r.settings(), r.latencies().get(0).requests(), r.warmup(), rows,
                auditCosts(r.latencies()), r.todayHours(),
                r.clustered().size(), clusterSeconds, longest.partition(), longest.rows(), longest.bytes() / 1_000_000,
                longest.seconds(), HistoryDatabase.summary(r.planBefore()), r.plan());
    }
}
