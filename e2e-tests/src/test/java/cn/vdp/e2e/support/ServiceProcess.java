package cn.vdp.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.vdp.common.testing.JarProcess;

/** A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as in production: prod profile. */
final class ServiceProcess implements AutoCloseable {

    private final JarProcess process;

    private ServiceProcess(JarProcess process) {
        this.process = process;
    }

    /**
     * @param environment the service's environment (ENV_CONTRACT.md)
     * @param properties system properties (ports)
     */
    static ServiceProcess start(Path root, String module, Map<String, String> environment,
            Map<String, String> properties, Path log, int managementPort) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("quarkus.management.port", String.valueOf(managementPort));
        return new ServiceProcess(JarProcess.start(module, root.resolve(module + "/target/quarkus-app/quarkus-run.jar"),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), all, environment, log,
                URI.create("http://localhost:" + managementPort + "/q/health/ready")));
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
