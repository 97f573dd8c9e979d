package cn.vdp.fleet;

import java.time.Duration;

/**
 * When a car sends next: every interval on its own rhythm. A send that happens late (the simulator's tick came
 * late, the car was busy, its request waited out a stall or a back-off) moves that one send, not the rhythm, however
 * late it is. Otherwise cars that once sent in the same late tick would send together from then on, and the fleet
 * would bunch into a few bursts; real cars run on clocks of their own.
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
        // The first beat of the car's own rhythm after now, even when whole intervals were missed. Restarting the
        // rhythm from now instead bunched every car whose requests waited out the same stall of more than an
        // interval: in the ingest bench, up to 77 requests then went out in one 10-ms slot (4 on average), storage
        // calls carried 93-183 records instead of about 49, and answer times doubled.
        nextDue += ((now - nextDue) / interval + 1) * interval;
    }

    /** Starts the rhythm anew at {@code due} (the fleet's rate changed). */
    void restartAt(long due) {
        nextDue = due;
    }
}
