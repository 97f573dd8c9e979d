package cn.vdp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartPostgresTest {

    @Test
    void readsTheChartsPostgresParameters(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("k8s/vdp"));
        Files.writeString(root.resolve("k8s/vdp/values.yaml"), """
                database:
                  mode: cnpg
                  cnpg:
                    instances: 3
                    parameters:
                      shared_buffers: 4GB
                      wal_compression: "on"
                      max_connections: "400"
                    resources:
                      requests: { cpu: "4" }
                services: {}
                """);

        assertEquals(Map.of("shared_buffers", "4GB", "wal_compression", "on", "max_connections", "400"),
                ChartPostgres.settings(root));
    }

    @Test
    void theRealChartHasThem() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertEquals("4GB", ChartPostgres.settings(root).get("shared_buffers"));
    }

    @Test
    void aChartWithoutThemIsAnError(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("k8s/vdp"));
        Files.writeString(root.resolve("k8s/vdp/values.yaml"), "database:\n  mode: external\n");

        assertThrows(IllegalStateException.class, () -> ChartPostgres.settings(root));
    }
}
