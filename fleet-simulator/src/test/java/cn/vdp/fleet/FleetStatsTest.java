package cn.vdp.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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

        FleetStats.Latencies measured = stats.latencies();
        assertArrayEquals(new long[] { 7_000_000L }, measured.nanos());
        assertArrayEquals(new long[] { sentAfterReset }, measured.sentAt());
    }

    @Test
    void withoutAResetCountsEveryAnsweredRequest() {
        FleetStats stats = new FleetStats();
        long first = System.nanoTime();
        long second = first + 1;
        stats.latency(first, 3_000_000L);
        stats.latency(second, 9_000_000L);

        FleetStats.Latencies measured = stats.latencies();
        assertArrayEquals(new long[] { 3_000_000L, 9_000_000L }, measured.nanos());
        assertArrayEquals(new long[] { first, second }, measured.sentAt());
    }
}
