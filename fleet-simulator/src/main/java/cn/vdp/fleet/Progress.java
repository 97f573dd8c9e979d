package cn.vdp.fleet;

/** The live progress line: cars, records sent and acknowledged, the current rate, and what is being resent. */
final class Progress {

    private final FleetStats stats;
    private final int cars;
    private FleetStats.Snapshot previous;

    Progress(FleetStats stats, int cars) {
        this.stats = stats;
        this.cars = cars;
        this.previous = stats.snapshot();
    }

    String line() {
        FleetStats.Snapshot now = stats.snapshot();
        double rate = now.acknowledgedPerSecond(previous);
        previous = now;
        return String.format("cars %d | sent %,d | acknowledged %,d (stored %,d, duplicate %,d, refused %,d) | "
                + "%,.0f records/s | waiting %,d | 503 %d, 429 %d, no answer %d    ", cars, now.sent(),
                now.acknowledged(), now.stored(), now.duplicates(), now.refused(), rate, now.pending(),
                now.unavailable(), now.rateLimited(), now.failedRequests());
    }
}
