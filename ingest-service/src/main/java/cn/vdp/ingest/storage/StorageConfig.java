package cn.vdp.ingest.storage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ingest.storage")
public interface StorageConfig {

    /** Retry-After of a 503 while storage-service cannot be reached (also the circuit breaker's open time). */
    @WithDefault("5s")
    Duration retryAfter();
}
