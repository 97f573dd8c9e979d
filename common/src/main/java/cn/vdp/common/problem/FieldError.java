package cn.vdp.common.problem;

/** One reason a request was refused, pointing at the offending part with a JSON pointer (RFC 6901). */
public record FieldError(String pointer, String detail) {

    /** Escapes one reference token of a JSON pointer. */
    public static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
