package cn.vdp.common.observability;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is off unless VDP_OTEL_ENDPOINT names a collector (ENV_CONTRACT.md): this source turns the OpenTelemetry
 * SDK on exactly when that variable is set, so no deployment needs a second switch and none exports by accident.
 * Its ordinal sits above application.properties and below environment variables and system properties, so an
 * explicit quarkus.otel.sdk.disabled still wins.
 */
public class OtelSwitch implements ConfigSource {

    public static final String ENDPOINT_VARIABLE = "VDP_OTEL_ENDPOINT";
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final int ORDINAL = 275;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(SDK_DISABLED, String.valueOf(!configured(endpoint())));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED);
    }

    @Override
    public String getValue(String propertyName) {
        return SDK_DISABLED.equals(propertyName) ? getProperties().get(SDK_DISABLED) : null;
    }

    @Override
    public String getName() {
        return "vdp-otel-switch";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    static boolean configured(String endpoint) {
        return endpoint != null && !endpoint.isBlank();
    }

    private static String endpoint() {
        String property = System.getProperty(ENDPOINT_VARIABLE);
        return property != null ? property : System.getenv(ENDPOINT_VARIABLE);
    }
}
