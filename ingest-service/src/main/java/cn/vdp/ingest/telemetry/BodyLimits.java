package cn.vdp.ingest.telemetry;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * The 1 MB body limit answers with a problem in both cases. A body announced larger is counted here
 * (ingest_record_too_big) and answered 413 by the shared PayloadLimit route right after. A body without a length
 * (chunked) is read by {@link TelemetryIntake} up to the limit and answered 413 problem+json beyond it: Quarkus'
 * own streaming limit would answer an empty 413 instead, so it is handed over for the batch endpoint.
 */
@ApplicationScoped
public class BodyLimits {

    /** Just ahead of common's PayloadLimit route. */
    private static final int COUNT_ORDER = Integer.MIN_VALUE + 999;
    /** Right after Quarkus' upload-limit route (-2), which marks chunked requests with their limit. */
    private static final int HANDOVER_ORDER = -1;
    /** Where Quarkus keeps the limit for bodies without a length (VertxHttpRecorder.MAX_REQUEST_SIZE_KEY). */
    private static final String STREAMING_LIMIT_KEY = "io.quarkus.max-request-size";
    private static final String BATCHES = "/api/v1/telemetry/batches";

    @Inject
    IngestMetrics metrics;

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long maxBytes = limit.get().asLongValue();
        router.route().order(COUNT_ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > maxBytes) {
                metrics.tooBig();
            }
            context.next();
        });
        router.route(BATCHES).order(HANDOVER_ORDER).handler(context -> {
            if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                context.data().remove(STREAMING_LIMIT_KEY); // TelemetryIntake reads at most the limit itself
            }
            context.next();
        });
    }
}
