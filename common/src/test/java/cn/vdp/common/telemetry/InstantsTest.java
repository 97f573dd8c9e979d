package cn.vdp.common.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class InstantsTest {

    @Test
    void readsTheUsualShapesExactlyLikeInstantParse() {
        for (String text : new String[] { "2026-11-21T08:00:00Z", "2026-11-21T08:00:00.1Z",
                "2026-11-21T08:00:00.123456Z", "2026-11-21T08:00:00.123456789Z", "2024-02-29T23:59:59.999Z",
                "2026-11-21T08:00:00+08:00" }) {
            assertEquals(Instant.parse(text), Instants.parse(text), text);
        }
    }

    @Test
    void refusesImpossibleDatesAndGarbage() {
        for (String text : new String[] { "2026-02-30T08:00:00Z", "2026-13-01T08:00:00Z", "2026-11-21T25:00:00Z",
                "2026-11-2xT08:00:00Z", "2026-11-21T08:00:00.1234567890Z", "yesterday" }) {
            assertThrows(DateTimeException.class, () -> Instants.parse(text), text);
        }
    }
}
