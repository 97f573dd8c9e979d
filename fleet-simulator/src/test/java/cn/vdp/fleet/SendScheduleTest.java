package cn.vdp.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SendScheduleTest {

    private static final long MS = 1_000_000L;

    @Test
    void aLateSendKeepsTheCarsOwnRhythm() {
        SendSchedule a = new SendSchedule(Duration.ofMillis(500), 0);
        SendSchedule b = new SendSchedule(Duration.ofMillis(500), 7 * MS);
        // One late tick at 30 ms sends both cars.
        assertTrue(a.due(30 * MS) && b.due(30 * MS));
        a.sent(30 * MS);
        b.sent(30 * MS);
        // Each is next due on its own rhythm, 7 ms apart, not both at 530 ms.
        assertFalse(a.due(499 * MS));
        assertTrue(a.due(500 * MS));
        assertFalse(b.due(506 * MS));
        assertTrue(b.due(507 * MS));
    }

    @Test
    void anEarlySendLeavesTheRhythm() {
        SendSchedule car = new SendSchedule(Duration.ofMillis(500), 0);
        car.sent(0);
        car.sent(200 * MS); // early: the outbox was full
        assertFalse(car.due(499 * MS));
        assertTrue(car.due(500 * MS));
    }

    @Test
    void carsThatWaitedOutTheSameLongStallKeepTheirOwnRhythms() {
        SendSchedule a = new SendSchedule(Duration.ofMillis(500), 0);
        SendSchedule b = new SendSchedule(Duration.ofMillis(500), 250 * MS);
        // Both requests waited out a stall of more than two intervals and were answered in the same tick.
        a.sent(1_130 * MS);
        b.sent(1_130 * MS);
        // Each sends next on its own beat again (1,500 and 1,250 ms), not both at 1,630 ms.
        assertFalse(a.due(1_499 * MS));
        assertTrue(a.due(1_500 * MS));
        assertFalse(b.due(1_249 * MS));
        assertTrue(b.due(1_250 * MS));
    }
}
