package cn.vdp.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.vdp.common.testing.JarProcess;

/** A packaged service started as its own process, the way it runs in production (java -jar). */
final class ServiceProcess implements AutoCloseable {

    private final JarProcess process;

    private ServiceProcess(JarProcess process) {
        this.process = process;
    }

    static ServiceProcess start(Path root, String module, Map<String, String> properties, Path log,
            URI readiness) throws IOException, InterruptedException {
        // The GC pause goal the services' Dockerfiles set (JAVA_OPTS_APPEND): with G1's default of 200 ms the young
        // generation grew until a pause took 30-80 ms on two shared cores, and every request in flight waited.
        List<String> options = new ArrayList<>(List.of("-Xmx1g", "-XX:MaxGCPauseMillis=20"));
        // e.g. -Dbench.jvm-options=-XX:StartFlightRecording=filename=/tmp/storage.jfr to profile a run
        String extra = System.getProperty("bench.jvm-options", "");
        if (!extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return new ServiceProcess(JarProcess.start(module, root.resolve(module + "/target/quarkus-app/quarkus-run.jar"),
                options, properties, Map.of(), log, readiness));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
