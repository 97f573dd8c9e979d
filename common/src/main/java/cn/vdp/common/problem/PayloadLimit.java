package cn.vdp.common.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before it is
 * read. Quarkus itself would close the connection with an empty 413; this route runs just before that check.
 */
@ApplicationScoped
public class PayloadLimit {

    /** Ahead of Quarkus' own upload-limit route. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long maxBytes = limit.get().asLongValue();
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length, maxBytes)) {
                String requestId = ProblemResponses.requestId(context.request().getHeader(ProblemResponses.REQUEST_ID_HEADER));
                ProblemType type = ProblemTypes.PAYLOAD_TOO_LARGE;
                Problem problem = new Problem(type.uri(), type.title(), type.status(),
                        "The body may have at most " + maxBytes + " bytes", context.request().path(), requestId,
                        List.of());
                context.response()
                        .setStatusCode(type.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(ProblemResponses.REQUEST_ID_HEADER, requestId)
                        // The unread body would otherwise have to be drained first.
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(write(problem));
                return;
            }
            context.next();
        });
    }

    private static boolean exceeds(String length, long maxBytes) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static String write(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
