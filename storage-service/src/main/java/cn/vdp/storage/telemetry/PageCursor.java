package cn.vdp.storage.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import cn.vdp.common.web.QueryParameters;

/** Where a page ended: the last record's time and sequence, opaque to clients. */
record PageCursor(Instant recordedAt, long seq) {

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            return new PageCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                    Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw QueryParameters.invalid("cursor", "cursor is not one this service gave out");
        }
    }
}
