package cn.vdp.common.telemetry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses record times. Cars send UTC instants like {@code 2026-11-21T08:00:00.123Z}; that shape is read directly
 * (java.time's general formatter was a visible share of the write path), anything else goes to
 * {@link Instant#parse}. Both validate the date fully and throw {@link DateTimeException} when it is wrong.
 */
public final class Instants {

    private Instants() {
    }

    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length == 21) {
                return Instant.parse(text);
            }
            int digits = length - 21;
            nanos = digits(text, 20, digits);
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        LocalDateTime time = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), nanos);
        return time.toInstant(ZoneOffset.UTC);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not an ISO-8601 instant: " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
