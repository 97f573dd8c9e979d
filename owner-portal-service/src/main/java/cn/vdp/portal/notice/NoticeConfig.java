package cn.vdp.portal.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.vdp.common.signal.RetentionPeriods;

/**
 * What the privacy notice tells owners. The retention periods must be those storage-service applies
 * ({@code storage.retention.*}); both share their defaults, and a deployment sets both from one value.
 */
@ConfigMapping(prefix = "portal.notice")
public interface NoticeConfig {

    /** Whom owners contact about their personal information (the protection officer's address). */
    @WithDefault("privacy@vdp-cn.example")
    String contact();

    Retention retention();

    /** Must be the periods storage-service applies; the defaults are the same (common's RetentionPeriods). */
    interface Retention extends RetentionPeriods {
    }
}
