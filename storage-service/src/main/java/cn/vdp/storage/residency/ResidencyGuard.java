package cn.vdp.storage.residency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import cn.vdp.common.problem.ProblemType;
import cn.vdp.storage.residency.ResidencyStatus.Source;

/**
 * THE residency rule of storage-service: it serves only while it knows it runs in an allowed China region. Under
 * Kubernetes the region is its node's label; outside, it is configuration that must be given explicitly. Anything
 * unknown (no node, no label, the API refusing or unreachable) means not allowed: it fails closed.
 */
@ApplicationScoped
public class ResidencyGuard {

    public static final ProblemType REGION_NOT_ALLOWED = new ProblemType("region-not-allowed", 503,
            "Not running in an allowed region");
    private static final Logger LOG = Logger.getLogger(ResidencyGuard.class);

    @Inject
    ResidencyConfig config;

    @Inject
    NodeRegionReader nodes;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private MultiGauge gauge;
    private volatile ResidencyStatus status;

    void onStart(@Observes StartupEvent event) {
        if (config.nodeName().isEmpty() && config.region().isEmpty()) {
            // Outside Kubernetes nobody can look the region up for us; guessing would not fail closed.
            throw new IllegalStateException("storage-service needs its region: set VDP_REGION (outside Kubernetes)"
                    + " or NODE_NAME (from the downward API, under Kubernetes)");
        }
        if (config.allowedRegions().isEmpty()) {
            throw new IllegalStateException("VDP_ALLOWED_REGIONS must name at least one region");
        }
        gauge = MultiGauge.builder("storage_residency_allowed")
                .description("1 while storage-service runs in an allowed region (tags: the region and its source)")
                .register(registry);
        recheck();
    }

    /** Retries a check that did not allow serving; an allowed node cannot move (a pod never changes nodes). */
    @Scheduled(every = "${storage.residency.recheck-interval:30s}",
            delayed = "${storage.residency.recheck-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryWhileNotAllowed() {
        if (status == null || !status.allowed()) {
            recheck();
        }
    }

    /** Determines the region again and publishes the result (readiness, the API filter, the metric). */
    public synchronized ResidencyStatus recheck() {
        ResidencyStatus previous = status;
        ResidencyStatus next = determine();
        status = next;
        gauge.register(List.of(MultiGauge.Row.of(Tags.of("region", next.region().orElse("unknown"), "source",
                next.source().tag()), next.allowed() ? 1 : 0)), true);
        if (previous == null || previous.allowed() != next.allowed() || !previous.reason().equals(next.reason())) {
            if (next.allowed()) {
                LOG.infof("residency: serving from region %s (%s)", next.region().orElseThrow(), next.source().tag());
            } else {
                LOG.errorf("residency: NOT serving (every /api request answers 503): %s", next.reason());
            }
        }
        return next;
    }

    /** The last check's outcome: region, source, allowed regions. */
    public ResidencyStatus status() {
        return status;
    }

    public boolean allowed() {
        ResidencyStatus current = status;
        return current != null && current.allowed();
    }

    private ResidencyStatus determine() {
        List<String> allowed = config.allowedRegions();
        Optional<String> node = config.nodeName();
        if (node.isPresent()) {
            NodeRegionReader.Result result = nodes.region(node.get(), config.regionLabel());
            if (result instanceof NodeRegionReader.Result.Region region) {
                return ResidencyStatus.found(region.value(), Source.KUBERNETES_NODE, node, allowed, clock.instant());
            }
            return ResidencyStatus.unknown(((NodeRegionReader.Result.Unknown) result).reason(),
                    Source.KUBERNETES_NODE, node, allowed, clock.instant());
        }
        return ResidencyStatus.found(config.region().orElseThrow(), Source.CONFIGURATION, Optional.empty(), allowed,
                clock.instant());
    }
}
