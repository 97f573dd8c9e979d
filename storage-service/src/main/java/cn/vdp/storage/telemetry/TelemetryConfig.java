package cn.vdp.storage.telemetry;

import java.time.Duration;

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
}
