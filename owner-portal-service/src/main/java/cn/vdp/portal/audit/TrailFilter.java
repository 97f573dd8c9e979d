package cn.vdp.portal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.vdp.portal.web.PortalTime;

/**
 * The trail's filters as a regulator enters them on the page: days (China Standard Time, both included), a VIN, an
 * actor, an action and an outcome, all optional. storage-service checks the values; the portal only turns days into
 * the instants storage expects and keeps the filters for the next page and the CSV link.
 */
public record TrailFilter(LocalDate fromDay, LocalDate toDay, String vin, String actor, String action, String outcome) {

    public static TrailFilter of(String from, String to, String vin, String actor, String action, String outcome) {
        return new TrailFilter(PortalTime.parseDate("from", from), PortalTime.parseDate("to", to),
                blank(vin) == null ? null : blank(vin).toUpperCase(Locale.ROOT), blank(actor), blank(action),
                blank(outcome));
    }

    /** The start of the first day, as storage-service expects it. */
    public String from() {
        return fromDay == null ? null : fromDay.atStartOfDay(PortalTime.ZONE).toInstant().toString();
    }

    /** The end of the last day (exclusive). */
    public String to() {
        return toDay == null ? null : PortalTime.endOfDay(toDay).toString();
    }

    /** The filters as a query string (without "?"), for links that keep them. */
    public String query() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("from", fromDay);
        values.put("to", toDay);
        values.put("vin", vin);
        values.put("actor", actor);
        values.put("action", action);
        values.put("outcome", outcome);
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
