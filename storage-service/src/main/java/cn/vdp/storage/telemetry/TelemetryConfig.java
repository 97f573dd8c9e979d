package cn.vdp.storage.telemetry;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "storage.telemetry")
public interface TelemetryConfig {

    /** Most records accepted in one batch call. */
    @WithDefault("10000")
    int maxBatchRecords();

    /** Oldest recording time accepted (a car may have been offline); must not exceed any category's retention. */
    @WithDefault("7d")
    Duration maxRecordAge();

    /** How far a car's clock may run ahead of ours. */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** Day partitions created ahead of today. */
    @WithDefault("3")
    int partitionDaysAhead();

    /** Largest page of a telemetry query. */
    @WithDefault("1000")
    int maxPageSize();

    @WithDefault("100")
    int defaultPageSize();

    /** Latest values are looked for in this many most recent records of each category. */
    @WithDefault("1000")
    int latestLookback();

    /**
     * How far back latest values are looked for first, then next, before the rest of the owner's period: each query
     * plans only the day partitions it covers (about 0.04 ms each), so a car that sent today costs a day's, not a
     * year's.
     */
    @WithDefault("1d,7d,31d")
    List<Duration> latestSteps();

    /** Rewriting closed day partitions in (vin, recorded_at) order: see {@link TelemetryClustering}. */
    Clustering clustering();

    interface Clustering {

        @WithDefault("true")
        boolean enabled();

        /** How often closed days are looked for. */
        @WithDefault("1h")
        Duration every();

        /** How long after a day ends (UTC) its partitions are clustered: most late records are in by then. */
        @WithDefault("1h")
        Duration after();

        /** Longest wait for a partition's lock; when a long read holds it, the partition waits for the next run. */
        @WithDefault("2s")
        Duration lockTimeout();

        /** Most partitions rewritten in one run (newest first), so a first run on a large database stays short. */
        @WithDefault("12")
        int perRun();
    }
}
