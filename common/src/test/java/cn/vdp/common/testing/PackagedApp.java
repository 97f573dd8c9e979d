package cn.vdp.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The packaged app's management interface in an integration test. The launcher gives HTTP a random port but leaves
 * management at its fixed port, which a local run may hold; this resource makes it random too (a fixed and a random
 * port would also register Quarkus 3.34's HTTP server meters with different tag keys, which Prometheus refuses),
 * and {@link #managementUrl} finds it in the launcher's log. Shared with the services' *IT classes through
 * common's test-jar.
 */
public class PackagedApp implements QuarkusTestResourceLifecycleManager {

    private static final Pattern MANAGEMENT = Pattern
            .compile("Management interface listening on https?://[^:/]+:(\\d+)");

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.management.port", "0");
    }

    @Override
    public void stop() {
    }

    public static String managementUrl(String path) {
        Path log = Path.of("target/quarkus.log");
        try {
            Matcher matcher = MANAGEMENT.matcher(Files.readString(log));
            int port = -1;
            while (matcher.find()) {
                port = Integer.parseInt(matcher.group(1)); // the last start is this one
            }
            if (port < 0) {
                throw new IllegalStateException("no management port in " + log);
            }
            return "http://localhost:" + port + path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
