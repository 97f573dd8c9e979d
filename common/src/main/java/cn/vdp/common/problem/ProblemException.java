package cn.vdp.common.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Thrown anywhere to answer with a problem; the shared mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemTypes.NOT_FOUND, detail);
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemTypes.VALIDATION_FAILED, detail, errors);
    }

    public static ProblemException invalid(String pointer, String detail) {
        return invalid(detail, List.of(new FieldError(pointer, detail)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemTypes.FORBIDDEN, detail);
    }

    /**
     * The problem an exception is or carries among its causes: a refusal raised where it cannot surface itself,
     * e.g. from a transaction's beforeCompletion, reaches its caller as the cause of the commit's exception.
     */
    public static Optional<ProblemException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
