package cn.vdp.fleet;

import java.time.Duration;

/**
 * When a car sends next: every interval on its own rhythm. A send that happens late (the simulator's tick came
 * late, the car was busy) moves that one send, not the rhythm. Otherwise cars that once sent in the same late tick
 * would send together from then on, and over minutes the fleet would bunch into a few bursts; real cars run on
 * clocks of their own.
 */
final class SendSchedule {

    private final long interval;
    private long nextDue;

    SendSchedule(Duration interval, long firstDue) {
        this.interval = interval.toNanos();
        this.nextDue = firstDue;
    }

    boolean due(long now) {
        return now - nextDue >= 0;
    }

    /** A send happened at {@code now}; an early one (a full outbox) leaves the rhythm as it is. */
    void sent(long now) {
        if (!due(now)) {
            return;
        }
        // More than a whole interval behind (after a back-off): start a new rhythm from now.
        nextDue = now - nextDue < interval ? nextDue + interval : now + interval;
    }

    /** Starts the rhythm anew at {@code due} (the fleet's rate changed). */
    void restartAt(long due) {
        nextDue = due;
    }
}
