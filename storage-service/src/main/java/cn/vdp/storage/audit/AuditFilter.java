package cn.vdp.storage.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import cn.vdp.common.vin.Vin;
import cn.vdp.common.web.QueryParameters;

/**
 * What a regulator asks of the trail: a time range [from, to) of occurrence, and optionally one VIN, one actor
 * (subject), one action and one outcome. Parsed from query parameters into 400 problems when malformed.
 */
public record AuditFilter(Instant from, Instant to, String vin, String actor, String action, String outcome) {

    private static final int MAX_ACTOR = AuditEvent.MAX_TEXT;

    public static AuditFilter parse(String from, String to, String vin, String actor, String action, String outcome) {
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw QueryParameters.invalid("from", "from must be before to");
        }
        if (blank(vin) != null && !Vin.isValid(vin.trim())) {
            throw QueryParameters.invalid("vin", "vin must be a valid VIN");
        }
        if (blank(actor) != null && actor.trim().length() > MAX_ACTOR) {
            throw QueryParameters.invalid("actor", "actor is at most " + MAX_ACTOR + " characters");
        }
        if (blank(action) != null && AuditAction.fromCode(action.trim()).isEmpty()) {
            throw QueryParameters.invalid("action", "unknown action '" + action.trim() + "'");
        }
        if (blank(outcome) != null && AuditOutcome.fromCode(outcome.trim()).isEmpty()) {
            throw QueryParameters.invalid("outcome", "outcome is one of success, denied, refused");
        }
        return new AuditFilter(start, end, blank(vin), blank(actor), blank(action), blank(outcome));
    }

    /** The SQL conditions (joined with AND, possibly none) and their parameters, in order. */
    String where(List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(from);
        }
        if (to != null) {
            conditions.add("occurred_at < ?");
            parameters.add(to);
        }
        addEquals(conditions, parameters, "vin", vin);
        addEquals(conditions, parameters, "actor_subject", actor);
        addEquals(conditions, parameters, "action", action);
        addEquals(conditions, parameters, "outcome", outcome);
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    /** The filter as the regulator's own audit event describes it. */
    String describe() {
        StringJoiner text = new StringJoiner("; ");
        if (actor != null) {
            text.add("actor=" + actor);
        }
        if (action != null) {
            text.add("action=" + action);
        }
        if (outcome != null) {
            text.add("outcome=" + outcome);
        }
        return text.length() == 0 ? null : text.toString();
    }

    private static void addEquals(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value != null) {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
