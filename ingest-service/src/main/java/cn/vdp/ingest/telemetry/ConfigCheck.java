package cn.vdp.ingest.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import cn.vdp.ingest.car.RateLimitConfig;
import cn.vdp.ingest.commit.GroupCommitConfig;
import cn.vdp.ingest.privacy.PrivacyConfig;

/** Refuses to start with settings that would break a promise, rather than breaking it quietly later. */
@ApplicationScoped
public class ConfigCheck {

    /** The portal tells owners that a consent change is honoured within a minute. */
    static final Duration CONSENT_PROMISE = Duration.ofMinutes(1);

    @Inject
    IngestConfig ingest;

    @Inject
    RateLimitConfig rateLimit;

    @Inject
    GroupCommitConfig groupCommit;

    @Inject
    PrivacyConfig privacy;

    void check(@Observes StartupEvent start) {
        List<String> problems = new ArrayList<>();
        if (ingest.maxBatchRecords() < 1) {
            problems.add("ingest.max-batch-records must be at least 1");
        }
        if (rateLimit.recordsPerSecond() <= 0 || rateLimit.burstRecords() < ingest.maxBatchRecords()) {
            problems.add("ingest.rate-limit needs a positive rate and a burst of at least one full batch ("
                    + ingest.maxBatchRecords() + " records)");
        }
        if (groupCommit.maxRecords() < ingest.maxBatchRecords()
                || groupCommit.maxQueuedRecords() < groupCommit.maxRecords() || groupCommit.maxInFlight() < 1) {
            problems.add("ingest.group-commit.max-records must hold a full batch, max-queued-records a full group, "
                    + "and max-in-flight be at least 1");
        }
        Duration ttl = privacy.consent().cacheTtl();
        if (ttl.isNegative() || ttl.compareTo(CONSENT_PROMISE) >= 0) {
            problems.add("ingest.consent.cache-ttl must be below " + CONSENT_PROMISE.toSeconds()
                    + " s: owners are promised that a consent change is honoured within a minute");
        }
        int precision = privacy.location().precision();
        if (precision < 0 || precision > 6) {
            problems.add("ingest.location.precision must be between 0 and 6 decimals");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ingest-service configuration: " + String.join("; ", problems));
        }
    }
}
