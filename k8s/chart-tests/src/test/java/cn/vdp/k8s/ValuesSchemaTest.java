package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * values.schema.json (enforced by Helm on every install, upgrade and template) and the chart's own checks refuse
 * whatever would quietly weaken residency, and every mistyped key.
 */
class ValuesSchemaTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyRegionListIsRefused() {
        assertRefused("residency:\n  regions: []\n", "regions");
    }

    @Test
    void aNullRegionListIsRefused() {
        assertRefused("residency:\n  regions: null\n", "regions");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "residency:\n  region: [cn-north-1]\n", // singular: a typo must not leave the defaults in force
            "residency:\n  enabled: false\n", // there is no switch to turn residency off
            "storage:\n  affinity: {}\n",
            "networkPolicy:\n  enabled: false\n",
            "oidc:\n  keycloak:\n    demousers: true\n",
            "observability:\n  serviceMonitor:\n    enable: true\n" })
    void unknownKeysAreRefusedAtEveryLevel(String values) {
        assertRefused(values, "additional properties");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "https://collector.example.com:4317", "http://10.1.2.3:4317",
            "http://otel.observability.svc.example.com:4317" })
    void aTraceEndpointOutsideTheClusterIsRefused(String endpoint) {
        assertRefused("observability:\n  otel:\n    endpoint: " + endpoint + "\n", "endpoint");
    }

    @Test
    void anExternalDatabaseOutsideTheRegionsIsRefused() {
        assertRefused("""
                database:
                  mode: external
                  external:
                    jdbcUrl: jdbc:postgresql://db.example.com:5432/vdp
                    region: eu-west-1
                    egressCidrs: ["10.9.0.0/24"]
                """, "must be one of residency.regions");
    }

    @Test
    void anExternalIssuerOutsideTheRegionsIsRefused() {
        assertRefused("oidc:\n  external:\n    region: us-east-1\n", "must be one of residency.regions");
    }

    @Test
    void aStorageClassThatBindsBeforeSchedulingCannotBeConfigured() {
        assertRefused("residency:\n  storageClass:\n    volumeBindingMode: Immediate\n", "additional properties");
    }

    @Test
    void theSchemaForbidsUnknownKeysOnEveryObject() throws IOException {
        JsonNode schema = Rendered.JSON.readTree(Rendered.CHART.chart().resolve("values.schema.json").toFile());
        List<String> open = new java.util.ArrayList<>();
        walk(schema, "#", open);
        assertTrue(open.isEmpty(), "objects without additionalProperties false or typed: " + open);
    }

    private static void walk(JsonNode node, String path, List<String> open) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asText())) {
                JsonNode additional = node.path("additionalProperties");
                boolean closed = additional.isBoolean() && !additional.asBoolean();
                boolean typedMap = additional.isObject() && additional.has("type");
                if (!closed && !typedMap) {
                    open.add(path);
                }
            }
            node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), open));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, open);
            }
        }
    }

    private void assertRefused(String values, String expected) {
        Path file = dir.resolve("values-" + Math.abs(values.hashCode()) + ".yaml");
        try {
            Files.writeString(file, values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> Rendered.CHART.render(List.of(file), Map.of()), "accepted: " + values);
        assertTrue(refused.getMessage().toLowerCase().contains(expected.toLowerCase()),
                "refused for another reason: " + refused.getMessage());
    }
}
