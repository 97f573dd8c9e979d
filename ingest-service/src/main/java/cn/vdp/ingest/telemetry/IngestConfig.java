package cn.vdp.ingest.telemetry;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Records one car may send in one request (more: 413). */
    @WithDefault("1000")
    int maxBatchRecords();

    /** How far a car's clock may run ahead of ours; a record recorded later than that is refused. */
    @WithDefault("5m")
    Duration maxFutureSkew();
}
