package cn.vdp.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;

/**
 * Times as owners read and type them: China Standard Time, the one time zone of mainland China, in the ISO
 * shapes that both languages use (2026-11-21 14:05). APIs keep UTC instants.
 */
public final class PortalTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZONE);
    /** What an HTML datetime-local input sends and expects. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private PortalTime() {
    }

    public static String minutes(Instant instant) {
        return MINUTES.format(instant);
    }

    public static String seconds(Instant instant) {
        return SECONDS.format(instant);
    }

    public static String shortTime(Instant instant) {
        return SHORT.format(instant);
    }

    public static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE).toString();
    }

    public static String inputValue(Instant instant) {
        return INPUT.format(LocalDateTime.ofInstant(instant, ZONE));
    }

    /** A datetime-local value (China Standard Time); null when empty; a 400 problem when malformed. */
    public static Instant parseInput(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(field, field + " must be a date and time such as 2026-11-21T08:00");
        }
    }

    /** A date input's value; null when empty; a 400 problem when malformed. */
    public static LocalDate parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw malformed(field, field + " must be a date such as 2027-05-31");
        }
    }

    /** The first moment after a chosen last day: a consent "until 31 May" lasts through that day. */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    private static ProblemException malformed(String field, String detail) {
        return new ProblemException(ProblemTypes.MALFORMED_REQUEST, detail, List.of(new FieldError(field, detail)));
    }
}
