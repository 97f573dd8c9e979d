package cn.vdp.common.signal;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * How long telemetry of each category is kept. The one place of the default periods: storage-service applies them
 * ({@code storage.retention.*}) and the portal's privacy notice states them ({@code portal.notice.retention.*}),
 * both config mappings extending this interface; a deployment that changes a period sets both from one value.
 */
public interface RetentionPeriods {

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
