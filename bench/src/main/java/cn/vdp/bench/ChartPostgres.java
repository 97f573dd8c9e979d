package cn.vdp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The PostgreSQL settings the Helm chart deploys (database.cnpg.parameters of k8s/vdp/values.yaml), so that a
 * benchmark's database has production's memory and WAL settings instead of the small local ones: with 256 MB of
 * shared buffers a day partition being written no longer fits, and the evicted pages reach the disk in the
 * kernel's writeback bursts, which production does not see.
 */
final class ChartPostgres {

    private ChartPostgres() {
    }

    static Map<String, String> settings(Path root) throws IOException {
        JsonNode parameters = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("k8s/vdp/values.yaml").toFile())
                .path("database").path("cnpg").path("parameters");
        if (!parameters.isObject() || parameters.isEmpty()) {
            throw new IllegalStateException("no database.cnpg.parameters in k8s/vdp/values.yaml");
        }
        Map<String, String> settings = new TreeMap<>();
        parameters.fields().forEachRemaining(p -> settings.put(p.getKey(), p.getValue().asText()));
        return settings;
    }
}
