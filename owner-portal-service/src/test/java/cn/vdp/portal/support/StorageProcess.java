package cn.vdp.portal.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.vdp.common.testing.JarProcess;

/** The packaged storage-service started as its own process, the way it runs in production (java -jar). */
final class StorageProcess implements AutoCloseable {

    private final JarProcess process;
    private final int httpPort;

    private StorageProcess(JarProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static StorageProcess start(Map<String, String> properties, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("vdp.storage.jar",
                "../storage-service/target/quarkus-app/quarkus-run.jar"));
        int httpPort = JarProcess.freePort();
        int managementPort = JarProcess.freePort();
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("quarkus.http.port", String.valueOf(httpPort));
        all.put("quarkus.management.port", String.valueOf(managementPort));
        return new StorageProcess(JarProcess.start("storage-service", jar, List.of("-Xmx512m"), all, environment, log,
                URI.create("http://localhost:" + managementPort + "/q/health/ready")), httpPort);
    }

    String url() {
        return "http://localhost:" + httpPort;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
