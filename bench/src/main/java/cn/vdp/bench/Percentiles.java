package cn.vdp.bench;

/** Percentiles of sorted samples, the same way in every benchmark (nearest rank). */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percent}-th percentile (0..100) of {@code sortedNanos}, in milliseconds. */
    static double millis(long[] sortedNanos, double percent) {
        return sortedNanos[index(sortedNanos.length, percent)] / 1e6;
    }

    /** The index of the {@code percent}-th percentile among {@code count} sorted samples. */
    static int index(int count, double percent) {
        int rank = (int) Math.ceil(percent / 100 * count);
        return Math.max(0, Math.min(count - 1, rank - 1));
    }
}
