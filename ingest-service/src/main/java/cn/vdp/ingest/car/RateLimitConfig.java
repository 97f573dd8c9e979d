package cn.vdp.ingest.car;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ingest.rate-limit")
public interface RateLimitConfig {

    /** Records per second a car may send on average (a token bucket per VIN). */
    @WithDefault("200")
    double recordsPerSecond();

    /** Records a car may send at once after a quiet period; at least one full batch. */
    @WithDefault("2000")
    int burstRecords();

    /** A car counts as active (ingest_active_cars) this long after its last request. */
    @WithDefault("5m")
    Duration activeWindow();
}
