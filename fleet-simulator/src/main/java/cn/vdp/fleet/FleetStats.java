package cn.vdp.fleet;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the fleet did so far; {@link #snapshot()} takes a consistent-enough copy for progress and phases. */
public final class FleetStats {

    final LongAdder generated = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder unavailable = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder failedRequests = new LongAdder();
    final LongAdder requests = new LongAdder();
    final AtomicLong pending = new AtomicLong();
    private long[] latencies = new long[1 << 16];
    private long[] sentAts = new long[1 << 16];
    private int latencyCount;
    private long latenciesSince = Long.MIN_VALUE;

    /** The answer time of a request sent at {@code sentAt} (System.nanoTime()). */
    synchronized void latency(long sentAt, long nanos) {
        if (latenciesSince != Long.MIN_VALUE && sentAt - latenciesSince < 0) {
            return; // sent before the reset, e.g. during a warm-up: it belongs to that phase
        }
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
            sentAts = Arrays.copyOf(sentAts, sentAts.length * 2);
        }
        sentAts[latencyCount] = sentAt;
        latencies[latencyCount++] = nanos;
    }

    /**
     * Forgets the answer times gathered so far (e.g. after a warm-up); from now on only requests sent from now on
     * count. A request still in flight from before (say, the first of a car, which waited for its TLS handshake
     * while every JVM was still compiling) would otherwise put a warm-up time into the measured phase.
     */
    public synchronized void resetLatencies() {
        latencyCount = 0;
        latenciesSince = System.nanoTime();
    }

    /**
     * The answers of requests sent since the last reset: when each request was sent and how long its answer took
     * (System.nanoTime() and nanoseconds), in the order the answers came.
     */
    public record Latencies(long since, long[] sentAt, long[] nanos) {
    }

    public synchronized Latencies latencies() {
        return new Latencies(latenciesSince, Arrays.copyOf(sentAts, latencyCount),
                Arrays.copyOf(latencies, latencyCount));
    }

    public Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), generated.sum(), sent.sum(), stored.sum(), duplicates.sum(),
                refused.sum(), rejected.sum(), unavailable.sum(), rateLimited.sum(), failedRequests.sum(),
                requests.sum(), pending.get());
    }

    /**
     * Counters at one moment. acknowledged = stored + duplicates + refused (answered, never to be resent);
     * unavailable, rateLimited and failedRequests count requests whose records were kept and resent.
     */
    public record Snapshot(long at, long generated, long sent, long stored, long duplicates, long refused,
            long rejected, long unavailable, long rateLimited, long failedRequests, long requests, long pending) {

        public long acknowledged() {
            return stored + duplicates + refused;
        }

        /** Records stored per second between an earlier snapshot and this one. */
        public double storedPerSecond(Snapshot earlier) {
            return (stored - earlier.stored) / ((at - earlier.at) / 1e9);
        }

        public double acknowledgedPerSecond(Snapshot earlier) {
            return (acknowledged() - earlier.acknowledged()) / ((at - earlier.at) / 1e9);
        }
    }
}
