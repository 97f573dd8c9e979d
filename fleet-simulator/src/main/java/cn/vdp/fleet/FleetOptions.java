package cn.vdp.fleet;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a fleet runs.
 *
 * @param ingest ingest-service's base URL (https)
 * @param certificates a certificate folder (see cn.vdp.devcerts.CertificateFolder): cars/VIN.pem|key and the
 *        server CA that cars trust
 * @param cars how many of the folder's cars take part
 * @param recordsPerSecond records per second of the whole fleet; 0 or less: as fast as acknowledged (each car
 *        sends its next full batch as soon as the previous one is answered)
 * @param maxBatch most records one request carries
 * @param sendInterval how often a car sends what it has gathered (when it has less than a full batch)
 * @param requestTimeout a request not answered by then counts as unanswered, and its records are resent
 * @param eventLoops threads doing the network work
 */
public record FleetOptions(URI ingest, Path certificates, int cars, double recordsPerSecond, int maxBatch,
        Duration sendInterval, Duration requestTimeout, int eventLoops) {

    public FleetOptions {
        if (cars < 1 || maxBatch < 1 || eventLoops < 1) {
            throw new IllegalArgumentException("cars, batch size and event loops must be at least 1");
        }
    }

    public static FleetOptions of(URI ingest, Path certificates, int cars, double recordsPerSecond) {
        return new FleetOptions(ingest, certificates, cars, recordsPerSecond, 100, Duration.ofSeconds(1),
                Duration.ofSeconds(15), 2);
    }

    public FleetOptions withBatching(int batch, Duration interval) {
        return new FleetOptions(ingest, certificates, cars, recordsPerSecond, batch, interval, requestTimeout,
                eventLoops);
    }
}
