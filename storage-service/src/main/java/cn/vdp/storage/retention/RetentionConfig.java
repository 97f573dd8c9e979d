package cn.vdp.storage.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.vdp.common.signal.Category;

/** How long telemetry of each category is kept, and when the purge runs. */
@ConfigMapping(prefix = "storage.retention")
public interface RetentionConfig {

    @WithDefault("365d")
    Duration vehicleState();

    @WithDefault("365d")
    Duration battery();

    @WithDefault("30d")
    Duration location();

    @WithDefault("365d")
    Duration driving();

    @WithDefault("7d")
    Duration cabinMedia();

    @WithDefault("365d")
    Duration diagnostics();

    /** Quartz-style cron of the daily purge (UTC). */
    @WithDefault("0 15 3 * * ?")
    String cron();

    default Duration of(Category category) {
        return switch (category) {
            case VEHICLE_STATE -> vehicleState();
            case BATTERY -> battery();
            case LOCATION -> location();
            case DRIVING -> driving();
            case CABIN_MEDIA -> cabinMedia();
            case DIAGNOSTICS -> diagnostics();
        };
    }
}
