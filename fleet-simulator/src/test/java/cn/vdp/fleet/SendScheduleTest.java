package cn.vdp.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SendScheduleTest {

    private static final long MS = 1_000_000L;
    private static final Duration INTERVAL = Duration.ofMillis(500);

    @Test
    void aLateSendKeepsTheCarsOwnRhythm() {
        SendSchedule a = new SendSchedule(INTERVAL, 0);
        SendSchedule b = new SendSchedule(INTERVAL, 7 * MS);
        // One late tick at 30 ms sends both cars.
        assertTrue(a.due(30 * MS) && b.due(30 * MS));
        a.sent(30 * MS);
        b.sent(30 * MS);
        // Each is next due on its own rhythm, 7 ms apart, not both at 530 ms.
        assertNextDueAt(a, 500);
        assertNextDueAt(b, 507);
    }

    @Test
    void carsThatWaitedOutTheSameLongStallKeepTheirOwnRhythms() {
        SendSchedule a = new SendSchedule(INTERVAL, 0);
        SendSchedule b = new SendSchedule(INTERVAL, 250 * MS);
        // Both requests waited out a stall of more than two intervals and were answered in the same tick.
        a.sent(1_130 * MS);
        b.sent(1_130 * MS);
        // Each sends next on its own beat again, not both at 1,630 ms.
        assertNextDueAt(a, 1_500);
        assertNextDueAt(b, 1_250);
    }

    @Test
    void anEarlySendLeavesTheRhythm() {
        SendSchedule car = new SendSchedule(INTERVAL, 0);
        car.sent(0);
        car.sent(200 * MS); // early: the outbox was full
        assertNextDueAt(car, 500);
    }

    private static void assertNextDueAt(SendSchedule schedule, long millis) {
        assertFalse(schedule.due((millis - 1) * MS), "not yet due 1 ms before " + millis + " ms");
        assertTrue(schedule.due(millis * MS), "due at " + millis + " ms");
    }
}
