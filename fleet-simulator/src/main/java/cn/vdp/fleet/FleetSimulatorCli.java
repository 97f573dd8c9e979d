package cn.vdp.fleet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fleet simulator's command line: N cars of a certificate folder stream to ingest-service at a rate, with a
 * live progress line, until the duration is over (or Ctrl-C), then wait for the last acknowledgements.
 */
@Command(name = "fleet-simulator", mixinStandardHelpOptions = true,
        description = "Simulated cars streaming telemetry to ingest-service over mutual TLS.")
public final class FleetSimulatorCli implements Callable<Integer> {

    @Option(names = "--ingest-url", defaultValue = "https://localhost:8443", description = "ingest-service (default: ${DEFAULT-VALUE})")
    URI ingest;

    @Option(names = "--certs", defaultValue = ".run/certs", description = "certificate folder with cars/VIN.pem|key and server-ca.pem (default: ${DEFAULT-VALUE})")
    Path certificates;

    @Option(names = "--cars", defaultValue = "10", description = "number of cars (default: ${DEFAULT-VALUE})")
    int cars;

    @Option(names = "--rate", defaultValue = "50", description = "records per second of the whole fleet; 0 = as fast as acknowledged (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--duration", defaultValue = "0", description = "how long to run, e.g. 90s, 10m, 2h; 0 = until stopped (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--batch", defaultValue = "100", description = "most records per request (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--send-interval", defaultValue = "1s", description = "how often a car sends what it gathered (default: ${DEFAULT-VALUE})")
    String sendInterval;

    @Option(names = "--register-at", description = "operator API (storage-service) to register the cars at first, e.g. http://localhost:8082")
    URI registerAt;

    @Option(names = "--operator-token-env", defaultValue = "VDP_OPERATOR_TOKEN", description = "environment variable holding the operator's bearer token for --register-at (default: ${DEFAULT-VALUE})")
    String operatorTokenEnv;

    @Option(names = "--owner", description = "OIDC subject the registered cars are bound to; repeat it to share the "
            + "cars out among several owners in turn")
    List<String> owners = new ArrayList<>();

    @Option(names = "--location-consent-token-env", description = "environment variable holding the first owner's "
            + "bearer token: with it, that owner's first car gets location consent for 30 days (needs --register-at)")
    String locationConsentTokenEnv;

    /** Set by Ctrl-C: the run drains, and the JVM's shutdown (already under way) ends the process. */
    private static volatile boolean stopping;
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    public static void main(String[] args) {
        int code = new CommandLine(new FleetSimulatorCli()).execute(args);
        FINISHED.countDown();
        if (!stopping) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        FleetOptions options = FleetOptions.of(ingest, certificates, cars, rate)
                .withBatching(batch, durationOf(sendInterval));
        try (Fleet fleet = new Fleet(options)) {
            if (registerAt != null) {
                String token = System.getenv(operatorTokenEnv);
                if (token == null || token.isBlank()) {
                    System.err.println("--register-at needs an operator token in $" + operatorTokenEnv);
                    return 2;
                }
                register(fleet.vins(), new OperatorApiRegistry(registerAt, () -> token));
            }
            Duration limit = durationOf(duration);
            Thread runner = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (FINISHED.getCount() == 0) {
                    return; // an ordinary exit
                }
                stopping = true;
                runner.interrupt();
                try {
                    FINISHED.await(45, TimeUnit.SECONDS); // let the last records be acknowledged
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            fleet.start();
            Progress progress = new Progress(fleet.stats(), cars);
            long end = limit.isZero() ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
            try {
                while (System.nanoTime() < end) {
                    Thread.sleep(1000);
                    System.out.print("\r" + progress.line());
                }
            } catch (InterruptedException e) {
                // Ctrl-C: stop making records and let the last ones be acknowledged
            }
            System.out.print("\r" + progress.line() + "\n(waiting up to 30 s for the last answers)");
            boolean drained = fleet.drain(Duration.ofSeconds(30));
            System.out.println("\r" + progress.line());
            System.out.println(drained ? "every record was answered" : "some records were still unanswered");
            return drained ? 0 : 1;
        }
    }

    /** Registers the cars, bound to the owners in turn, and gives the first owner's first car location consent. */
    private void register(List<String> vins, CarRegistry registry) throws IOException, InterruptedException {
        for (int i = 0; i < vins.size(); i++) {
            String owner = owners.isEmpty() ? null : owners.get(i % owners.size());
            registry.register(vins.get(i), owner);
            System.out.println("registered " + vins.get(i) + (owner == null ? "" : " for owner " + owner));
        }
        if (locationConsentTokenEnv != null) {
            String ownerToken = System.getenv(locationConsentTokenEnv);
            if (ownerToken == null || ownerToken.isBlank() || owners.isEmpty()) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--location-consent-token-env needs a token in $" + locationConsentTokenEnv + " and --owner");
            }
            new OwnerConsentApi(registerAt, ownerToken).grant(vins.get(0), "location", Duration.ofDays(30));
            System.out.println("location consent for " + vins.get(0) + " given by owner " + owners.get(0));
        }
    }

    static Duration durationOf(String text) {
        String value = text.trim().toLowerCase();
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.matches("\\d+(ms|s|m|h)")) {
            long amount = Long.parseLong(value.replaceAll("\\D", ""));
            return switch (value.replaceAll("\\d", "")) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        throw new CommandLine.TypeConversionException("not a duration: " + text + " (e.g. 90s, 10m, 2h)");
    }
}
