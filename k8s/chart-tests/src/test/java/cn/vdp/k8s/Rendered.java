package cn.vdp.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** The documents of one rendering of the chart, parsed; renderings are cached per scenario for the test JVM. */
public record Rendered(Scenario scenario, List<Doc> docs) {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Map<Scenario, Rendered> CACHE = new ConcurrentHashMap<>();
    static final ChartRenderer CHART = ChartRenderer.locate();

    /** One rendered Kubernetes object. */
    public record Doc(String apiVersion, String kind, String name, ObjectNode body) {

        public String id() {
            return kind + "/" + name;
        }

        public JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    /** A values file under src/test/resources/values (or the chart's defaults), with the values it sets. */
    public record Scenario(String name, Path valuesFile) {

        public static final Scenario DEFAULTS = new Scenario("defaults", null);

        public List<Path> files() {
            return valuesFile == null ? List.of() : List.of(valuesFile);
        }

        /** The values after merging the scenario over the chart's defaults (what the templates saw). */
        public JsonNode values() {
            try {
                ObjectNode merged = (ObjectNode) yaml(Files.readString(CHART.chart().resolve("values.yaml")));
                for (Path file : files()) {
                    merge(merged, yaml(Files.readString(file)));
                }
                return merged;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The defaults and every values file of the tests. */
    public static Stream<Scenario> scenarios() {
        Path dir = Path.of("src/test/resources/values").toAbsolutePath();
        try (Stream<Path> files = Files.list(dir)) {
            List<Scenario> all = new ArrayList<>(List.of(Scenario.DEFAULTS));
            files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .forEach(f -> all.add(new Scenario(f.getFileName().toString(), f)));
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Rendered of(Scenario scenario) {
        return CACHE.computeIfAbsent(scenario, s -> parse(s, CHART.render(s.files(), Map.of())));
    }

    public static Rendered parse(Scenario scenario, String yaml) {
        List<Doc> docs = new ArrayList<>();
        try (YAMLParser parser = YAML.createParser(yaml)) {
            for (JsonNode node : JSON.readValues(parser, JsonNode.class).readAll()) {
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                ObjectNode body = (ObjectNode) node;
                docs.add(new Doc(body.path("apiVersion").asText(), body.path("kind").asText(),
                        body.at("/metadata/name").asText(), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(scenario, docs);
    }

    public List<Doc> ofKind(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    public Doc one(String kind, String name) {
        return docs.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " not rendered in " + scenario));
    }

    /**
     * Every workload and the pod template it runs (Deployments; CloudNativePG Clusters carry their pod settings in
     * spec). StatefulSets, DaemonSets and Jobs are listed too, so that a new one cannot escape the policies.
     */
    public List<Doc> workloads() {
        return docs.stream().filter(d -> List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod",
                "ReplicaSet", "Cluster").contains(d.kind())).toList();
    }

    static JsonNode yaml(String text) throws IOException {
        return JSON.readTree(YAML.createParser(text));
    }

    private static void merge(ObjectNode into, JsonNode from) {
        from.properties().forEach(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
