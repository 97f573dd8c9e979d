package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The operators' Grafana dashboard (k8s/grafana-dashboard-vdp.json): loads, stays inside, queries real metrics. */
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("k8s/grafana-dashboard-vdp.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:storage|ingest|portal)_[a-z_]+)");
    private static final Pattern DECLARED = Pattern.compile("\"((?:storage|ingest|portal)_[a-z_]+)\"");

    @Test
    void everyPanelQueriesPrometheusThroughTheDashboardsDataSourceVariable() throws IOException {
        JsonNode dashboard = read();
        assertFalse(dashboard.path("uid").asText().isEmpty());
        assertTrue(dashboard.path("panels").size() >= 8);
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertEquals("${datasource}", panel.at("/datasource/uid").asText(), title);
            assertTrue(panel.at("/gridPos/w").asInt() > 0 && panel.at("/gridPos/h").asInt() > 0, title);
            assertFalse(panel.path("targets").isEmpty(), title);
            for (JsonNode target : panel.path("targets")) {
                assertFalse(target.path("expr").asText().isBlank(), title);
                assertTrue(target.path("expr").asText().contains("namespace=\"$namespace\""),
                        title + " is scoped to the chosen namespace");
            }
        }
    }

    @Test
    void theDashboardLoadsNothingFromOutside() throws IOException {
        String text = Files.readString(Rendered.CHART.root().resolve(DASHBOARD));
        assertFalse(text.matches("(?s).*https?://.*"), "no URL: nothing is fetched from outside the deployment");
    }

    @Test
    void everyPlatformMetricItQueriesIsOneTheServicesRegister() throws IOException {
        Set<String> declared = declaredMetrics();
        assertTrue(declared.contains("storage_residency_allowed"), declared.toString());
        Set<String> missing = new TreeSet<>();
        Matcher used = METRIC.matcher(read().path("panels").toString());
        while (used.find()) {
            String name = used.group(1).replaceAll("_(total|sum|count|max)$", "");
            if (!declared.contains(name)) {
                missing.add(used.group(1));
            }
        }
        assertTrue(missing.isEmpty(), "queried but registered by no service: " + missing);
    }

    /** Metric names written as string literals in the services' main code (Micrometer registrations). */
    private static Set<String> declaredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String service : new String[] { "storage-service", "ingest-service", "owner-portal-service" }) {
            Path sources = Rendered.CHART.root().resolve(service + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = DECLARED.matcher(Files.readString(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        return names;
    }

    private static JsonNode read() throws IOException {
        return Rendered.JSON.readTree(Rendered.CHART.root().resolve(DASHBOARD).toFile());
    }
}
