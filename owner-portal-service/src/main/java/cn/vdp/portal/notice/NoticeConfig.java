package cn.vdp.portal.notice;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.vdp.common.signal.Category;

/**
 * What the privacy notice tells owners. The retention periods must be those storage-service applies
 * ({@code storage.retention.*}); the defaults are the same, and a deployment sets both from one value.
 */
@ConfigMapping(prefix = "portal.notice")
public interface NoticeConfig {

    /** Whom owners contact about their personal information (the protection officer's address). */
    @WithDefault("privacy@vdp-cn.example")
    String contact();

    Retention retention();

    interface Retention {
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
}
