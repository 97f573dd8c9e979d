package cn.vdp.storage.consent;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "storage.consent")
public interface ConsentConfig {

    /** Longest consent an owner can give at once; they renew it after that. */
    @WithDefault("366d")
    Duration maxDuration();

    /** Most VINs ingest may ask about in one call. */
    @WithDefault("1000")
    int maxVinsPerQuery();
}
