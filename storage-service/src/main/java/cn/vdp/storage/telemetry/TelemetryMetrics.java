package cn.vdp.storage.telemetry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.RecordStatus;

/**
 * Counts what became of written records (fleet-telemetry's vocabulary, prefixed storage_), and times owner
 * queries inside the service.
 */
@Startup
@ApplicationScoped
public class TelemetryMetrics {

    @Inject
    MeterRegistry registry;

    private Counter stored;
    private Counter duplicates;
    private DistributionSummary batchSize;
    private Timer query;
    /** The parts of a batch write, registered once each (the write path records four per batch). */
    private final Map<String, Timer> writeParts = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        stored = Counter.builder("storage_records_stored").description("Records committed").register(registry);
        duplicates = Counter.builder("storage_records_duplicate")
                .description("Records already stored (retries)").register(registry);
        batchSize = DistributionSummary.builder("storage_batch_records").description("Records per batch call")
                .register(registry);
        // Percentiles computed in the service (the target is on its p99), plus a bucket at the 5 ms objective.
        query = Timer.builder("storage_telemetry_query")
                .description("Owner history queries: ownership check, database and merging, before serialization")
                .publishPercentiles(0.5, 0.95, 0.99).percentilePrecision(2)
                .serviceLevelObjectives(Duration.ofMillis(5)).register(registry);
    }

    /** A histogram per part (the time of one is rarely the whole story of a slow batch: its p99 is). */
    private Timer writePart(String part) {
        return Timer.builder("storage_batch_write_part")
                .description("Parts of a batch write: read, check, rows, commit")
                .tag("part", part).publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    public void queried(long nanos) {
        query.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Called after the commit, so that nothing is counted that was rolled back. */
    public void committed(BatchResult result, PartTimings timings) {
        timings.parts().forEach((part, nanos) -> writeParts.computeIfAbsent(part, this::writePart)
                .record(nanos, TimeUnit.NANOSECONDS));
        stored.increment(result.stored());
        duplicates.increment(result.duplicates());
        batchSize.record(result.records().size());
        for (RecordOutcome outcome : result.records()) {
            if (outcome.status() == RecordStatus.REFUSED) {
                registry.counter("storage_records_refused", "reason", outcome.reason()).increment();
            }
        }
    }
}
