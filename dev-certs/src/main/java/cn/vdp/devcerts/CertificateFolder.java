package cn.vdp.devcerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of a certificate folder, shared by make run, the fleet simulator and the tests:
 *
 * <pre>
 * fleet-ca.pem, fleet-ca.key     the fleet CA: issues car certificates; ingest trusts no other CA for clients
 * server-ca.pem, server-ca.key   the CA of ingest's server certificate; cars trust it
 * ingest.pem, ingest.key         ingest's server certificate (SAN localhost, 127.0.0.1)
 * cars/VIN.pem, cars/VIN.key     one client certificate per car, subject CN = VIN
 * </pre>
 */
public record CertificateFolder(Path root) {

    public Path fleetCa() {
        return root.resolve("fleet-ca.pem");
    }

    public Path fleetCaKey() {
        return root.resolve("fleet-ca.key");
    }

    public Path serverCa() {
        return root.resolve("server-ca.pem");
    }

    public Path serverCaKey() {
        return root.resolve("server-ca.key");
    }

    public Path serverCertificate() {
        return root.resolve("ingest.pem");
    }

    public Path serverKey() {
        return root.resolve("ingest.key");
    }

    public Path carCertificate(String vin) {
        return root.resolve("cars").resolve(vin + ".pem");
    }

    public Path carKey(String vin) {
        return root.resolve("cars").resolve(vin + ".key");
    }

    /** VINs of the cars whose certificate and key are both present, sorted. */
    public List<String> cars() throws IOException {
        Path cars = root.resolve("cars");
        if (!Files.isDirectory(cars)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cars)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pem"))
                    .map(n -> n.substring(0, n.length() - 4)).filter(vin -> Files.exists(carKey(vin)))
                    .sorted().toList();
        }
    }
}
