package cn.vdp.common.problem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

/** Builds every problem+json answer of the platform, so that all of them look alike. */
public final class ProblemResponses {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ProblemResponses() {
    }

    public static Response build(ProblemType type, String detail, String instance, String requestId,
            List<FieldError> errors, Map<String, String> headers) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, errors);
        Response.ResponseBuilder response = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .header(REQUEST_ID_HEADER, requestId)
                .entity(body);
        headers.forEach(response::header);
        return response.build();
    }

    /** Keeps a caller's correlation id if it is harmless, otherwise makes a new one. */
    public static String requestId(String offered) {
        return offered != null && SAFE_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
