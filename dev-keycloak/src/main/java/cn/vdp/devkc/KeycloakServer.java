package cn.vdp.devkc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak in development mode ({@code kc.sh start-dev}: dev-file database in the home's {@code data/}) on a port of
 * the caller's choice, realms imported from the home's import folder at first start. The issuer is
 * {@code http://localhost:<port>/realms/<realm>} exactly ({@code --hostname}), as the services expect.
 */
public final class KeycloakServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak and waits until {@code readyRealm}'s discovery document answers.
     *
     * @param environment variables the realm files' placeholders are filled from (client secrets)
     */
    public static KeycloakServer start(KeycloakHome home, int port, Map<String, String> environment, Path log,
            String readyRealm, Duration timeout) throws IOException, InterruptedException {
        Path jdk = Jdks.atLeast(21).orElseThrow(() -> new IllegalStateException(
                "Keycloak needs a JDK 21 or newer: set JAVA_HOME or install one under /usr/lib/jvm"));
        ProcessBuilder builder = new ProcessBuilder(List.of(home.script().toString(), "start-dev",
                "--http-port=" + port, "--hostname=http://localhost:" + port, "--import-realm"))
                .directory(home.root().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.put("JAVA_HOME", jdk.toString());
        KeycloakServer server = new KeycloakServer(builder.start(), port);
        try {
            server.awaitReady(readyRealm, timeout, log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>/realms/<realm>}: the issuer of that realm's tokens. */
    public String issuer(String realm) {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    private void awaitReady(String realm, Duration timeout, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // kc.sh passes the TERM on to Keycloak's JVM
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
