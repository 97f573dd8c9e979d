package cn.vdp.storage.telemetry;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.RecordStatus;

/** Counts what became of written records (fleet-telemetry's vocabulary, prefixed storage_). */
@Startup
@ApplicationScoped
public class TelemetryMetrics {

    @Inject
    MeterRegistry registry;

    private Counter stored;
    private Counter duplicates;
    private DistributionSummary batchSize;

    @PostConstruct
    void init() {
        stored = Counter.builder("storage_records_stored").description("Records committed").register(registry);
        duplicates = Counter.builder("storage_records_duplicate")
                .description("Records already stored (retries)").register(registry);
        batchSize = DistributionSummary.builder("storage_batch_records").description("Records per batch call")
                .register(registry);
    }

    /** Called after the commit, so that nothing is counted that was rolled back. */
    public void committed(BatchResult result) {
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
