package cn.vdp.portal.audit;

import java.time.Instant;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

import cn.vdp.portal.web.PortalTime;

/**
 * How the regulator pages show values: audit times to the second (China Standard Time), retention in days, hours to
 * one decimal.
 */
@TemplateExtension
public final class AuditFormats {

    private AuditFormats() {
    }

    static String seconds(Instant instant) {
        return PortalTime.seconds(instant);
    }

    /** A retention as storage-service reports it (ISO-8601, PT720H) in whole days. */
    static long asDays(String retention) {
        return java.time.Duration.parse(retention).toDays();
    }

    static String hours(Double hours) {
        return String.format(Locale.ROOT, "%.1f", hours);
    }
}
