package cn.vdp.ingest.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.vdp.common.testing.JarProcess;

/**
 * The real storage-service, its packaged jar started as a process (as in production), so that ingest's tests can
 * stop it, freeze it and start it again on the same port and database.
 */
public final class StorageProcess {

    private final Path jar;
    private final Path log;
    private final Map<String, String> properties;
    private final int httpPort;
    private final int managementPort;
    private JarProcess process;

    StorageProcess(Path jar, Path log, Map<String, String> properties) throws IOException {
        this.jar = jar;
        this.log = log;
        this.properties = properties;
        this.httpPort = JarProcess.freePort();
        this.managementPort = JarProcess.freePort();
    }

    public String url() {
        return "http://localhost:" + httpPort;
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            return;
        }
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("quarkus.http.host", "localhost");
        all.put("quarkus.http.port", String.valueOf(httpPort));
        all.put("quarkus.management.host", "localhost");
        all.put("quarkus.management.port", String.valueOf(managementPort));
        process = JarProcess.start("storage-service", jar, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), all,
                Map.of(), log, URI.create("http://localhost:" + managementPort + "/q/health/ready"));
    }

    /** Stops the process the way an orchestrator would (SIGTERM, then SIGKILL). */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.close();
        process = null;
    }

    /** Freezes the process (SIGSTOP): it keeps its port open but answers nothing, like a storage that hangs. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private synchronized void signal(String name) throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " failed");
        }
    }
}
