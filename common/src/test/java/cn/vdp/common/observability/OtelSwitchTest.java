package cn.vdp.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OtelSwitchTest {

    private final OtelSwitch source = new OtelSwitch();

    @AfterEach
    void clear() {
        System.clearProperty(OtelSwitch.ENDPOINT_VARIABLE);
    }

    @Test
    void tracingIsOffWithoutAnEndpoint() {
        System.setProperty(OtelSwitch.ENDPOINT_VARIABLE, " ");
        assertEquals("true", source.getValue("quarkus.otel.sdk.disabled"));
    }

    @Test
    void tracingIsOnWhenAnEndpointIsSet() {
        System.setProperty(OtelSwitch.ENDPOINT_VARIABLE, "http://otel-collector.observability.svc:4317");
        assertEquals("false", source.getValue("quarkus.otel.sdk.disabled"));
        assertEquals(null, source.getValue("quarkus.otel.exporter.otlp.endpoint"), "only the switch");
    }

    @Test
    void itRanksBetweenApplicationPropertiesAndTheEnvironment() {
        assertTrue(source.getOrdinal() > 250 && source.getOrdinal() < 300);
        assertTrue(ServiceLoader.load(ConfigSource.class).stream().anyMatch(p -> p.type() == OtelSwitch.class),
                "registered for every service that depends on common");
    }
}
