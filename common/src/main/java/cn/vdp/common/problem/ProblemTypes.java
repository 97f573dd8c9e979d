package cn.vdp.common.problem;

/** Problem kinds every service can answer with; services add their own next to their features. */
public final class ProblemTypes {

    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400, "Malformed request");
    public static final ProblemType VALIDATION_FAILED = new ProblemType("validation-failed", 422, "Validation failed");
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401, "Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Not allowed");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406, "Not acceptable");
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413, "Payload too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415,
            "Unsupported media type");
    public static final ProblemType TOO_MANY_REQUESTS = new ProblemType("too-many-requests", 429, "Too many requests");
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", 500, "Internal error");
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", 503,
            "Service unavailable");

    private ProblemTypes() {
    }

    /** The generic kind for a bare HTTP status (used when a framework exception carries only a status). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : new ProblemType("http-" + status, status, "HTTP " + status);
        };
    }
}
