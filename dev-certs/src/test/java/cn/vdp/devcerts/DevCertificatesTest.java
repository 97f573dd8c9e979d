package cn.vdp.devcerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.vdp.common.vin.Vin;

class DevCertificatesTest {

    @TempDir
    Path folder;

    @Test
    void generatesCarCertificatesNamedByVinAndSignedByTheFleetCaThenKeepsThem() throws Exception {
        CertificateFolder certificates = new CertificateFolder(folder);
        DevCertificates.ensure(certificates, 3);
        byte[] fleetCa = Files.readAllBytes(certificates.fleetCa());

        List<String> cars = certificates.cars();
        assertEquals(3, cars.size());
        X509Certificate car = Pem.readCertificate(certificates.carCertificate(cars.get(0)));
        assertTrue(Vin.isValid(cars.get(0)));
        assertTrue(car.getSubjectX500Principal().getName().startsWith("CN=" + cars.get(0) + ","));
        car.verify(Pem.readCertificate(certificates.fleetCa()).getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), car.getExtendedKeyUsage(), "TLS client authentication only");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                certificates.carKey(cars.get(0)))));

        assertEquals(List.of(), DevCertificates.ensure(certificates, 3), "a second run keeps everything");
        assertArrayEquals(fleetCa, Files.readAllBytes(certificates.fleetCa()));
    }

    @Test
    void issuesTheServerCertificateForLocalhostFromTheServerCaNotTheFleetCa() throws Exception {
        CertificateFolder certificates = new CertificateFolder(folder);
        DevCertificates.ensure(certificates, 0);

        X509Certificate server = Pem.readCertificate(certificates.serverCertificate());
        server.verify(Pem.readCertificate(certificates.serverCa()).getPublicKey());
        assertTrue(server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList()
                .containsAll(List.of("localhost", "127.0.0.1")));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage());
        assertTrue(Pem.readPrivateKey(certificates.serverKey()).getAlgorithm().equals("EC"));
    }
}
