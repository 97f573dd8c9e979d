package cn.vdp.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest's calls to storage over an interval, from both services' Prometheus metrics: how many, how big, how long
 * as ingest saw them, how long its groups waited, and storage-service's own time in parts.
 */
final class IngestStorageCalls {

    private static final List<String> WRITE_PARTS = List.of("read", "check", "rows", "commit");

    private final URI ingestMetrics;
    private final URI storageMetrics;

    IngestStorageCalls(URI ingestMetrics, URI storageMetrics) {
        this.ingestMetrics = ingestMetrics;
        this.storageMetrics = storageMetrics;
    }

    URI ingestMetrics() {
        return ingestMetrics;
    }

    URI storageMetrics() {
        return storageMetrics;
    }

    /** Both services' metrics now: ingest's, then storage's. */
    PrometheusScrape[] scrape() throws Exception {
        return new PrometheusScrape[] { PrometheusScrape.of(ingestMetrics), PrometheusScrape.of(storageMetrics) };
    }

    /** The calls made between the two scrapes. */
    static String between(PrometheusScrape[] before, PrometheusScrape[] after) {
        String committed = "outcome=\"committed\"";
        String batches = "uri=\"/api/v1/telemetry/batches\"";
        PrometheusScrape ingestAfter = after[0];
        double calls = ingestAfter.value("ingest_storage_call_seconds_count", committed)
                - before[0].value("ingest_storage_call_seconds_count", committed);
        return String.format("%,.0f storage calls (%.1f records each on average), each p50 <= %.1f ms, "
                + "p99 <= %.1f ms, of which storage-service's own time %.1f ms on average; before its call, the oldest "
                + "request of a group waited p50 <= %.1f ms, p99 <= %.1f ms (ms figures of the form <= are histogram "
                + "bucket bounds of `ingest_storage_call_seconds` and `ingest_group_wait_seconds`)", calls,
                ingestAfter.meanSince(before[0], "ingest_storage_batch_records", ""),
                1000 * ingestAfter.quantileSince(before[0], "ingest_storage_call_seconds", committed, 0.50),
                1000 * ingestAfter.quantileSince(before[0], "ingest_storage_call_seconds", committed, 0.99),
                1000 * after[1].meanSince(before[1], "http_server_requests_seconds", batches),
                1000 * ingestAfter.quantileSince(before[0], "ingest_group_wait_seconds", "", 0.50),
                1000 * ingestAfter.quantileSince(before[0], "ingest_group_wait_seconds", "", 0.99))
                + ". storage-service's own time per call in parts, mean / p99 <= (`storage_batch_write_part_seconds`): "
                + writeParts(before[1], after[1]);
    }

    /** "read 0.2 / 1.0 ms, check ...": storage's batch write, part by part, over the interval. */
    private static String writeParts(PrometheusScrape before, PrometheusScrape after) {
        List<String> parts = new ArrayList<>();
        for (String part : WRITE_PARTS) {
            String label = "part=\"" + part + "\"";
            parts.add(String.format("%s %.2f / %.1f ms", part,
                    1000 * after.meanSince(before, "storage_batch_write_part_seconds", label),
                    1000 * after.quantileSince(before, "storage_batch_write_part_seconds", label, 0.99)));
        }
        return String.join(", ", parts);
    }
}
