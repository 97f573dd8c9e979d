package cn.vdp.ingest.packaged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import cn.vdp.devcerts.CertificateFolder;
import cn.vdp.devcerts.DevCertificates;

/**
 * What the packaged ingest-service needs to start in its prod profile: its server certificate and the fleet CA
 * (generated for the test, nothing committed) and a client secret. storage-service and the token endpoint are
 * not needed for what the integration test checks, and are left unreachable on purpose.
 */
public class IngestProdSettings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            CertificateFolder certificates = new CertificateFolder(
                    Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-pki"));
            DevCertificates.ensure(certificates, 0);
            return Map.of(
                    "quarkus.tls.fleet.key-store.pem.server.cert", certificates.serverCertificate().toString(),
                    "quarkus.tls.fleet.key-store.pem.server.key", certificates.serverKey().toString(),
                    "quarkus.tls.fleet.trust-store.pem.certs", certificates.fleetCa().toString(),
                    "quarkus.http.ssl-port", "0",
                    "quarkus.rest-client.storage.url", "http://localhost:9",
                    "quarkus.oidc-client.auth-server-url", "http://localhost:9/realms/vdp",
                    "%prod.quarkus.oidc-client.credentials.secret", UUID.randomUUID().toString());
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the prod settings", e);
        }
    }

    @Override
    public void stop() {
    }
}
