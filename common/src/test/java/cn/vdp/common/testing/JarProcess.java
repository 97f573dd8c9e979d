package cn.vdp.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * A packaged service ({@code quarkus-run.jar}) started as its own process, as it runs in production, and stopped as
 * an orchestrator stops it (SIGTERM, then SIGKILL after 30 s). The one way tests, the end-to-end suite and the
 * benchmarks start a service; shared through common's test-jar.
 */
public final class JarProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    /** Stops the service if the JVM that started it ends first (Ctrl-C, SIGTERM, a test run that dies). */
    private final Thread stopOnExit;

    private JarProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stopOnExit = new Thread(process::destroy, "stop " + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code java <jvmOptions> -D<properties> -jar <jar>} with these environment variables added, its output
     * appended to the log, and returns once the readiness URL answers 200.
     */
    public static JarProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> properties,
            Map<String, String> environment, Path log, URI readiness) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not packaged at " + jar
                    + "; build through the reactor (./mvnw verify -pl <this module> -am)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        JarProcess service = new JarProcess(name, builder.start());
        service.awaitReady(readiness, log);
        return service;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(URI readiness, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException(name + " exited while starting; see " + log);
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
        throw new IllegalStateException(name + " not ready after " + READY_WITHIN.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook stops the service
        }
        process.destroy();
        if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
