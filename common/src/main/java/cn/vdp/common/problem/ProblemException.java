package cn.vdp.common.problem;

import java.util.List;
import java.util.Map;

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
