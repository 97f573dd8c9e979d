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
 * Counts bodies announced over the limit (ingest_record_too_big); the shared PayloadLimit route right after this
 * one answers them with 413. Bodies without a length are counted where they are read.
 */
@ApplicationScoped
public class BodyTooBigCounter {

    /** Just ahead of common's PayloadLimit route. */
    private static final int ORDER = Integer.MIN_VALUE + 999;

    @Inject
    IngestMetrics metrics;

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long maxBytes = limit.get().asLongValue();
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > maxBytes) {
                metrics.tooBig();
            }
            context.next();
        });
    }
}
