package cn.vdp.storage.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

/**
 * The content of one audit event (the chain adds its id and hashes). Normalised on construction so that what is
 * hashed is exactly what the database stores and gives back: instants to microseconds within years 1..9999,
 * categories sorted and distinct, no NUL characters (PostgreSQL text cannot hold them), bounded lengths.
 *
 * <p>It never holds signal values or coordinates: reads are described by their categories and time range.
 */
public record AuditEvent(Instant occurredAt, String requestId, Actor actor, String action, String outcome,
        String vin, List<String> categories, Instant rangeFrom, Instant rangeTo, Long quantity, String detail) {

    static final int MAX_TEXT = 255;
    static final int MAX_DETAIL = 1000;
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public AuditEvent {
        occurredAt = instant(occurredAt);
        if (occurredAt == null || actor == null || action == null || outcome == null) {
            throw new IllegalArgumentException("an audit event needs a time, an actor, an action and an outcome");
        }
        requestId = text(requestId, MAX_TEXT);
        actor = new Actor(text(actor.subject(), MAX_TEXT), text(actor.role(), MAX_TEXT), text(actor.client(), MAX_TEXT));
        action = text(action, MAX_TEXT);
        outcome = text(outcome, MAX_TEXT);
        vin = text(vin, MAX_TEXT);
        categories = categories == null ? List.of()
                : List.copyOf(new TreeSet<>(categories.stream().map(c -> text(c, MAX_TEXT)).toList()));
        rangeFrom = instant(rangeFrom);
        rangeTo = instant(rangeTo);
        detail = text(detail, MAX_DETAIL);
    }

    private static Instant instant(Instant value) {
        if (value == null) {
            return null;
        }
        Instant clamped = value.isBefore(FIRST) ? FIRST : value.isAfter(LAST) ? LAST : value;
        return clamped.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
