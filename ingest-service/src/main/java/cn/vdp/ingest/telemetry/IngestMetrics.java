package cn.vdp.ingest.telemetry;

import java.util.EnumMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

import cn.vdp.common.signal.Category;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.RecordStatus;
import cn.vdp.common.telemetry.RefusalReason;
import cn.vdp.ingest.car.CarRateLimiter;

/**
 * What ingest saw and did, in fleet-telemetry's vocabulary prefixed ingest_ (Prometheus adds _total to counters).
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    CarRateLimiter limiter;

    private Counter received;
    private Counter stored;
    private Counter duplicates;
    private Counter bytes;
    private Counter rateLimited;
    private Counter unauthorizedSender;
    private Counter tooBig;
    private Counter unacknowledged;
    private DistributionSummary requestRecords;
    private DistributionSummary storageRecords;
    private Timer groupWait;

    @PostConstruct
    void init() {
        received = Counter.builder("ingest_records_received").description("Records received from cars")
                .register(registry);
        stored = Counter.builder("ingest_records_stored").description("Records committed by storage")
                .register(registry);
        duplicates = Counter.builder("ingest_records_duplicate").description("Records committed before (resent)")
                .register(registry);
        bytes = Counter.builder("ingest_record_size_bytes").description("Request body bytes received from cars")
                .baseUnit("bytes").register(registry);
        rateLimited = Counter.builder("ingest_rate_limit_exceeded").description("Requests refused by the rate limit")
                .register(registry);
        unauthorizedSender = Counter.builder("ingest_unauthorized_sender_id")
                .description("Records whose VIN differs from the sending car's certificate").register(registry);
        tooBig = Counter.builder("ingest_record_too_big").description("Requests refused for a body over the limit")
                .register(registry);
        unacknowledged = Counter.builder("ingest_records_unacknowledged")
                .description("Records answered 503 because storage could not commit them").register(registry);
        requestRecords = DistributionSummary.builder("ingest_batch_records").description("Records per car request")
                .publishPercentileHistogram().register(registry);
        groupWait = Timer.builder("ingest_group_wait").description(
                "Time the oldest request of a group commit waited before its storage call was sent")
                .publishPercentileHistogram().register(registry);
        storageRecords = DistributionSummary.builder("ingest_storage_batch_records")
                .description("Records per storage call (group commit)").publishPercentileHistogram()
                .register(registry);
        Gauge.builder("ingest_active_cars", limiter, CarRateLimiter::activeCars)
                .description("Cars that sent something in the active window").register(registry);
        for (Category category : Category.values()) {
            if (category.consentRequired()) {
                dropCounter(category); // present at 0 from the start, so that rates are defined
            }
        }
    }

    public void received(int records, long bodyBytes) {
        received.increment(records);
        bytes.increment(bodyBytes);
        requestRecords.record(records);
    }

    public void outcomes(BatchResult result) {
        stored.increment(result.stored());
        duplicates.increment(result.duplicates());
        if (result.refused() > 0) {
            for (RecordOutcome outcome : result.records()) {
                if (outcome.status() == RecordStatus.REFUSED) {
                    refused(outcome.reason());
                }
            }
        }
    }

    private void refused(String reason) {
        registry.counter("ingest_records_refused", "reason", reason).increment();
        if (RefusalReason.VIN_MISMATCH.equals(reason)) {
            unauthorizedSender.increment();
        }
    }

    public void dropped(EnumMap<Category, Integer> signals) {
        signals.forEach((category, count) -> dropCounter(category).increment(count));
    }

    private Counter dropCounter(Category category) {
        return Counter.builder("ingest_signals_dropped").description("Signals dropped for lack of live consent")
                .tag("category", category.code()).register(registry);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void tooBig() {
        tooBig.increment();
    }

    public void unacknowledged(int records) {
        unacknowledged.increment(records);
    }

    /** How long the oldest request of a group waited (for others, or for a free storage call) before it went. */
    public void groupWaited(long nanos) {
        groupWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void storageCall(long nanos, int records, Throwable failure) {
        Timer.builder("ingest_storage_call").description("Storage batch calls, until committed or failed")
                .tag("outcome", failure == null ? "committed" : "failed").publishPercentileHistogram()
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (failure == null) {
            storageRecords.record(records);
        }
    }
}
