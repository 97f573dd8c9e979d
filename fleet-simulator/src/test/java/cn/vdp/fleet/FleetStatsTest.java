package cn.vdp.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FleetStatsTest {

    @Test
    void afterAResetCountsOnlyRequestsSentFromThenOn() {
        FleetStats stats = new FleetStats();
        long sentDuringWarmUp = System.nanoTime();
        stats.latency(sentDuringWarmUp, 5_000_000L);
        stats.resetLatencies();
        long sentAfterReset = System.nanoTime();

        stats.latency(sentDuringWarmUp, 20_000_000_000L); // answered only now: a warm-up straggler
        stats.latency(sentAfterReset, 7_000_000L);

        assertEquals(1, stats.latencySamples());
        assertEquals(7.0, stats.latencyMillis(99), 1e-9);
    }

    @Test
    void withoutAResetCountsEveryAnsweredRequest() {
        FleetStats stats = new FleetStats();
        stats.latency(System.nanoTime(), 3_000_000L);
        stats.latency(System.nanoTime(), 9_000_000L);

        assertEquals(2, stats.latencySamples());
        assertEquals(9.0, stats.latencyMillis(99), 1e-9);
    }
}
