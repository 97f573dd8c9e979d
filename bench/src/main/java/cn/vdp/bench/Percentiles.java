package cn.vdp.bench;

/** Percentiles of sorted nanosecond samples, the same way in every benchmark (nearest rank). */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percent}-th percentile (0..100) of {@code sortedNanos}, in milliseconds. */
    static double millis(long[] sortedNanos, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
