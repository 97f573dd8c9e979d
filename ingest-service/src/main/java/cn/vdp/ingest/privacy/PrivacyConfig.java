package cn.vdp.ingest.privacy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ingest")
public interface PrivacyConfig {

    Consent consent();

    Location location();

    interface Consent {
        /**
         * How long a VIN's consent read from storage-service is reused. The portal promises that a change is
         * honoured within a minute, so this must stay below that; a cached consent is never used past its own
         * expiry either.
         */
        @WithDefault("30s")
        Duration cacheTtl();

        /** VINs asked about in one storage call, and how long a lookup waits for others to join it. */
        @WithDefault("1000")
        int maxVinsPerLookup();

        @WithDefault("1ms")
        Duration lookupMaxWait();

        /**
         * How long a background refresh (of an entry still in use) waits for others to join it. No request waits
         * on a refresh, so gathering them costs no latency and turns one storage call per car and cache life into
         * a few calls per second for the whole fleet.
         */
        @WithDefault("250ms")
        Duration refreshMaxWait();
    }

    interface Location {
        /** Decimals kept of latitude and longitude (4 decimals: about 11 m). */
        @WithDefault("4")
        int precision();
    }
}
