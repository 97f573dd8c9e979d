package cn.vdp.portal.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged storage-service started as its own process, the way it runs in production (java -jar). */
final class StorageProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final int httpPort;

    private StorageProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static StorageProcess start(Map<String, String> properties, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("vdp.storage.jar",
                "../storage-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("storage-service is not packaged at " + jar
                    + "; build through the reactor: ./mvnw verify -pl owner-portal-service -am");
        }
        int httpPort = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                "-Dquarkus.http.port=" + httpPort, "-Dquarkus.management.port=" + managementPort));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        StorageProcess storage = new StorageProcess(builder.start(), httpPort);
        storage.awaitReady(URI.create("http://localhost:" + managementPort + "/q/health/ready"), log);
        return storage;
    }

    String url() {
        return "http://localhost:" + httpPort;
    }

    private void awaitReady(URI readiness, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("storage-service exited while starting; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(readiness).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("storage-service not ready after " + READY_WITHIN + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
