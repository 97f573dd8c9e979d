package cn.vdp.storage.telemetry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Writes an instant as PostgreSQL timestamptz text (UTC, microseconds) without a general-purpose formatter. */
final class TimestampText {

    private TimestampText() {
    }

    static void append(StringBuilder out, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, t.getNano() / 1000, 6).append("+00");
    }

    static String of(Instant instant) {
        StringBuilder out = new StringBuilder(32);
        append(out, instant);
        return out.toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
