package cn.vdp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A packaged service started as its own process, the way it runs in production (java -jar). */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    /** Stops the service if the benchmark itself is stopped (Ctrl-C, SIGTERM) before it closes the service. */
    private final Thread stopOnExit;

    private ServiceProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stopOnExit = new Thread(process::destroy, "stop " + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static ServiceProcess start(Path root, String module, Map<String, String> properties, Path log,
            URI readiness) throws IOException, InterruptedException {
        // The GC pause goal the services' Dockerfiles set (JAVA_OPTS_APPEND): with G1's default of 200 ms the young
        // generation grew until a pause took 30-80 ms on two shared cores, and every request in flight waited.
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-XX:MaxGCPauseMillis=20"));
        // e.g. -Dbench.jvm-options=-XX:StartFlightRecording=filename=/tmp/storage.jfr to profile a run
        String extra = System.getProperty("bench.jvm-options", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(root.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(module, process);
        service.awaitReady(readiness, log);
        return service;
    }

    private void awaitReady(URI readiness, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " not ready after 120 s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook stops the service
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
