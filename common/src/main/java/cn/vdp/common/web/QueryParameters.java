package cn.vdp.common.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;

/**
 * Parses query parameters into a 400 problem when they are malformed. JAX-RS itself answers 404 when a parameter
 * cannot be converted, which would tell a client the resource does not exist.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant, or null when the parameter is absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(name, name + " must be an ISO-8601 instant such as 2026-11-21T08:00:00Z");
        }
    }

    /** A whole number, or null when the parameter is absent. */
    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, name + " must be a whole number");
        }
    }

    public static ProblemException invalid(String name, String detail) {
        return new ProblemException(ProblemTypes.MALFORMED_REQUEST, detail, List.of(new FieldError(name, detail)));
    }
}
