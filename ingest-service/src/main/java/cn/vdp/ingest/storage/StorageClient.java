package cn.vdp.ingest.storage;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.ingest.storage.StorageConsents.LiveConsentQuery;
import cn.vdp.ingest.storage.StorageConsents.LiveConsents;

/**
 * The one way to storage-service. Each call has a timeout; a circuit breaker stops calling a storage that keeps
 * failing; every such failure becomes a 503 problem with Retry-After, so that the car keeps its data and sends it
 * again (nothing was acknowledged). A refusal of a malformed request ({@link StorageRefusedException}) passes
 * through unchanged: it is not an outage. Timeouts and breaker settings can be tuned per method through
 * MicroProfile Fault Tolerance configuration ({@code cn.vdp.ingest.storage.StorageClient/write/Timeout/value}).
 */
@ApplicationScoped
public class StorageClient {

    private static final Logger LOG = Logger.getLogger(StorageClient.class);

    @Inject
    @RestClient
    StorageApi api;

    @Inject
    StorageConfig config;

    /** Writes a serialised batch; completes only after storage-service committed it. */
    @AsynchronousNonBlocking
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = StorageRefusedException.class)
    @Fallback(fallbackMethod = "writeUnavailable", skipOn = StorageRefusedException.class)
    public Uni<BatchResult> write(byte[] batch) {
        return api.write(batch);
    }

    @AsynchronousNonBlocking
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = StorageRefusedException.class)
    @Fallback(fallbackMethod = "consentsUnavailable", skipOn = StorageRefusedException.class)
    public Uni<LiveConsents> liveConsents(List<String> vins) {
        return api.liveConsents(new LiveConsentQuery(vins));
    }

    Uni<BatchResult> writeUnavailable(byte[] batch, Throwable failure) {
        return Uni.createFrom().failure(unavailable(failure));
    }

    Uni<LiveConsents> consentsUnavailable(List<String> vins, Throwable failure) {
        return Uni.createFrom().failure(unavailable(failure));
    }

    private ProblemException unavailable(Throwable failure) {
        LOG.warnf("storage-service unavailable: %s", failure.toString());
        return new ProblemException(ProblemTypes.SERVICE_UNAVAILABLE,
                "Storage is not reachable now; nothing of this batch was acknowledged. Keep it and send it again.",
                List.of(), Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, config.retryAfter().toSeconds()))));
    }
}
