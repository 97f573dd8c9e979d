package cn.vdp.storage.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.vdp.common.signal.RetentionPeriods;

/** How long telemetry of each category is kept (periods and their defaults in common), and when the purge runs. */
@ConfigMapping(prefix = "storage.retention")
public interface RetentionConfig extends RetentionPeriods {

    /** Quartz-style cron of the daily purge (UTC). */
    @WithDefault("0 15 3 * * ?")
    String cron();
}
