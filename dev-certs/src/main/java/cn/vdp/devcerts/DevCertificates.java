package cn.vdp.devcerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import cn.vdp.common.vin.Vin;

/**
 * Makes a certificate folder complete, keeping whatever already exists: once generated, the CAs and certificates
 * stay the same on later runs (cars keep their identity). Nothing it writes is ever committed.
 *
 * <p>Usage: {@code DevCertificates <folder> <number of cars>}
 */
public final class DevCertificates {

    public static final List<String> SERVER_HOSTS = List.of("localhost", "127.0.0.1");

    private DevCertificates() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DevCertificates <folder> <number of cars>");
            System.exit(2);
        }
        CertificateFolder folder = new CertificateFolder(Path.of(args[0]).toAbsolutePath());
        List<String> created = ensure(folder, Integer.parseInt(args[1]));
        System.out.println(created.isEmpty() ? "certificates in " + folder.root() + " kept"
                : "generated in " + folder.root() + ": " + String.join(", ", created));
    }

    /** The n-th simulated car's VIN: stable, valid, recognisably simulated (WMI "LDV", "SMCAR"). */
    public static String carVin(int n) {
        return Vin.withCheckDigit(String.format("LDVSMCAR0%08d", n));
    }

    /** Creates what is missing of the two CAs, the server certificate and the first {@code cars} car certificates. */
    public static List<String> ensure(CertificateFolder folder, int cars) throws IOException, GeneralSecurityException {
        List<String> created = new ArrayList<>();
        CertificateAuthority fleet = ensureCa(folder.fleetCa(), folder.fleetCaKey(), "VDP-CN fleet CA", created);
        CertificateAuthority server = ensureCa(folder.serverCa(), folder.serverCaKey(), "VDP-CN server CA", created);
        if (!Files.exists(folder.serverCertificate()) || !Files.exists(folder.serverKey())) {
            server.issueServer("localhost", SERVER_HOSTS).write(folder.serverCertificate(), folder.serverKey());
            created.add("ingest server certificate");
        }
        int carsCreated = 0;
        for (int n = 1; n <= cars; n++) {
            String vin = carVin(n);
            if (!Files.exists(folder.carCertificate(vin)) || !Files.exists(folder.carKey(vin))) {
                fleet.issueCar(vin).write(folder.carCertificate(vin), folder.carKey(vin));
                carsCreated++;
            }
        }
        if (carsCreated > 0) {
            created.add(carsCreated + " car certificate(s)");
        }
        return created;
    }

    private static CertificateAuthority ensureCa(Path certificate, Path key, String name, List<String> created)
            throws IOException, GeneralSecurityException {
        if (Files.exists(certificate) && Files.exists(key)) {
            return CertificateAuthority.load(certificate, key);
        }
        CertificateAuthority ca = CertificateAuthority.create(name);
        ca.write(certificate, key);
        created.add(name);
        return ca;
    }
}
