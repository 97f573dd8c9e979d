package cn.vdp.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.vdp.fleet.FleetStats;

/**
 * The answer times of a timed part made of several windows of equal length: percentiles over all of it and per
 * window (one run shows how much a figure moves from one half minute to the next), and when the slowest answers
 * were sent (a tail of a few stalls, which every request in flight waited out, looks unlike one spread evenly).
 */
final class AnswerTimes {

    private final FleetStats.Latencies latencies;
    private final long windowNanos;
    private final int windows;
    private final long[] sorted;

    AnswerTimes(FleetStats.Latencies latencies, Duration window, int windows) {
        this.latencies = latencies;
        this.windowNanos = window.toNanos();
        this.windows = windows;
        this.sorted = latencies.nanos().clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** When the timed part began (System.nanoTime). */
    long since() {
        return latencies.since();
    }

    /** Over the whole timed part, in ms. */
    double millis(double percentile) {
        return Percentiles.millis(sorted, percentile);
    }

    /** p50 / p99 of each window, e.g. "7.0 / 15.3, 7.1 / 18.2, 6.9 / 14.0 ms". */
    String perWindow() {
        return IntStream.range(0, windows).mapToObj(w -> {
            long[] inWindow = IntStream.range(0, latencies.nanos().length)
                    .filter(i -> second(i) / secondsPerWindow() == w)
                    .mapToLong(i -> latencies.nanos()[i]).sorted().toArray();
            return inWindow.length == 0 ? "none"
                    : String.format("%.1f / %.1f", Percentiles.millis(inWindow, 50), Percentiles.millis(inWindow, 99));
        }).collect(Collectors.joining(", ")) + " ms";
    }

    /**
     * The answers slower than the percentile, counted by the second (since the start) in which they were sent, the
     * {@code top} busiest seconds first: e.g. "s12: 80, s3: 21 (121 in 9 seconds)".
     */
    String slowestBySecond(double percentile, int top) {
        long threshold = thresholdNanos(percentile);
        Map<Long, Integer> perSecond = new TreeMap<>();
        int slow = 0;
        for (int i = 0; i < latencies.nanos().length; i++) {
            if (latencies.nanos()[i] > threshold) {
                perSecond.merge(second(i), 1, Integer::sum);
                slow++;
            }
        }
        String busiest = perSecond.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> "s" + e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        return busiest + " (" + slow + " in " + perSecond.size() + " seconds)";
    }

    /**
     * How many of the answers slower than the percentile were in flight (sent, not yet answered) while one of the
     * {@code stalls} lasted: a request whose commit fell into a stall of the disk waited for it.
     */
    int slowerInFlightDuring(double percentile, List<DiskStallProbe.Flush> stalls) {
        long threshold = thresholdNanos(percentile);
        int count = 0;
        for (int i = 0; i < latencies.nanos().length; i++) {
            long sent = latencies.sentAt()[i];
            long answered = sent + latencies.nanos()[i];
            if (latencies.nanos()[i] > threshold
                    && stalls.stream().anyMatch(s -> s.startNanos() < answered && sent < s.endNanos())) {
                count++;
            }
        }
        return count;
    }

    /** How many answers were slower than the percentile. */
    int slowerThan(double percentile) {
        long threshold = thresholdNanos(percentile);
        return (int) Arrays.stream(sorted).filter(n -> n > threshold).count();
    }

    /**
     * Requests sent per slot of the timed part, e.g. "p50 4, p99 5, max 22 per 10 ms". It tells the simulator from
     * the services: storage calls carrying far more records than usual come either from a fleet sending in bunches
     * (cars whose rhythms coincide, or event loops starved of CPU) or, with sends as even as usual, from requests
     * bunching up inside ingest.
     */
    String sendsPerSlot(Duration slot) {
        long slotNanos = slot.toNanos();
        int slots = (int) (windowNanos * windows / slotNanos);
        int[] counts = new int[slots];
        for (long sentAt : latencies.sentAt()) {
            long index = (sentAt - latencies.since()) / slotNanos;
            if (index >= 0 && index < slots) {
                counts[(int) index]++;
            }
        }
        Arrays.sort(counts);
        return String.format("p50 %d, p99 %d, max %d per %d ms", counts[Percentiles.index(slots, 50)],
                counts[Percentiles.index(slots, 99)], counts[slots - 1], slot.toMillis());
    }

    private long thresholdNanos(double percentile) {
        return sorted[Percentiles.index(sorted.length, percentile)];
    }

    private long second(int answer) {
        return (latencies.sentAt()[answer] - latencies.since()) / 1_000_000_000L;
    }

    private long secondsPerWindow() {
        return windowNanos / 1_000_000_000L;
    }
}
