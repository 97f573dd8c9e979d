package cn.vdp.ingest.privacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;

import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.Signal;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.common.telemetry.TelemetryRecord;

/**
 * What of a record may leave ingest: a signal of a category that needs consent goes only while the owner's
 * consent for that category is live (default: no collection), and coordinates go rounded to the configured
 * precision. Records are already validated, so every signal is in the catalogue.
 */
@ApplicationScoped
public class PrivacyFilter {

    @Inject
    PrivacyConfig config;

    /** True when some signal of the record needs consent (then the car's consent must be looked up). */
    public static boolean needsConsent(TelemetryRecord record) {
        for (String name : record.signals().keySet()) {
            if (category(name).consentRequired()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param dropped counts the signals dropped, per category
     * @return the record as it may be stored, or null when none of its signals may be
     */
    public TelemetryRecord apply(TelemetryRecord record, ConsentedCategories consent, Instant now,
            EnumMap<Category, Integer> dropped) {
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> signal : record.signals().entrySet()) {
            Category category = category(signal.getKey());
            if (category.consentRequired() && !consent.allows(category, now)) {
                dropped.merge(category, 1, Integer::sum);
                continue;
            }
            kept.put(signal.getKey(), isCoordinate(signal.getKey()) ? round(signal.getValue()) : signal.getValue());
        }
        if (kept.isEmpty()) {
            return null;
        }
        return new TelemetryRecord(record.vin(), record.seq(), record.recordedAt(), kept);
    }

    private JsonNode round(JsonNode value) {
        BigDecimal rounded = BigDecimal.valueOf(value.doubleValue())
                .setScale(config.location().precision(), RoundingMode.HALF_UP);
        return DoubleNode.valueOf(rounded.doubleValue());
    }

    private static boolean isCoordinate(String name) {
        return SignalCatalogue.LATITUDE.equals(name) || SignalCatalogue.LONGITUDE.equals(name);
    }

    private static Category category(String name) {
        return SignalCatalogue.find(name).map(Signal::category)
                .orElseThrow(() -> new IllegalStateException("unvalidated signal " + name));
    }
}
