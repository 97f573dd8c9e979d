package cn.vdp.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateExtension;

import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.common.vin.Vin;

/** Computed values for templates, so that templates only loop and choose. */
@TemplateExtension
public final class Formats {

    private static final int MAX_DECIMALS = 6;

    private Formats() {
    }

    /** {@code {vehicle.vin.maskedVin}}: the maker and the last four characters only. */
    static String maskedVin(String vin) {
        return Vin.masked(vin);
    }

    /** {@code {instant.minutes}}: 2026-11-21 14:05, China Standard Time. */
    static String minutes(Instant instant) {
        return instant == null ? "" : PortalTime.minutes(instant);
    }

    /** {@code {instant.date}}: 2026-11-21, China Standard Time. */
    static String date(Instant instant) {
        return instant == null ? "" : PortalTime.date(instant);
    }

    /** {@code {msg:message(name.labelKey)}}: the bundle key of a signal's name (signal_battery_soc). */
    static String labelKey(String signal) {
        return "signal_" + signal.replace('.', '_');
    }

    /** {@code {value.withUnit(signal)}}: a signal's value as read by people, with its unit. */
    static String withUnit(JsonNode value, String signal) {
        String unit = SignalCatalogue.find(signal).map(s -> s.unit()).orElse("");
        String text = readable(value);
        return unit.isEmpty() || text.isEmpty() ? text : text + " " + unit;
    }

    /** A value as people read it: numbers with at most six decimals (a position to about 10 cm). */
    public static String readable(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isFloatingPointNumber()) {
            return BigDecimal.valueOf(value.asDouble()).setScale(MAX_DECIMALS, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
        }
        return value.asText();
    }

    /** {@code {name.unit}}: a signal's unit from the catalogue ("" for none). */
    static String unit(String signal) {
        return SignalCatalogue.find(signal).map(s -> s.unit()).orElse("");
    }

    /** {@code {category.sensitive}}: collection needs the owner's consent. */
    static boolean sensitive(Category category) {
        return category.consentRequired();
    }
}
