package cn.vdp.ingest.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.vdp.common.security.Roles;
import cn.vdp.devcerts.CertificateFolder;
import cn.vdp.devcerts.DevCertificates;
import cn.vdp.devcerts.LocalTokenEndpoint;
import cn.vdp.devpg.DatabaseBootstrap;
import cn.vdp.devpg.DatabaseRoles;
import cn.vdp.devpg.EmbeddedServer;

/**
 * Everything ingest's tests run against, started once per test JVM: certificates generated now into target/
 * (fleet CA, server CA, ingest's server certificate; cars get theirs from {@link Car}), a real PostgreSQL 17,
 * a local token endpoint for ingest's client-credentials token, and the packaged storage-service verifying those
 * tokens.
 */
public class IngestTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "vdp-ingest";
    private static final String CLIENT_SECRET = UUID.randomUUID().toString();

    private static CertificateFolder certificates;
    private static EmbeddedPostgres postgres;
    private static String superuserUrl;
    private static LocalTokenEndpoint tokens;
    private static StorageProcess storage;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (storage == null) {
                Path target = Path.of("target").toAbsolutePath();
                certificates = new CertificateFolder(Files.createTempDirectory(target, "test-pki"));
                DevCertificates.ensure(certificates, 0);
                postgres = EmbeddedServer.start(null, 0);
                DatabaseRoles roles = DatabaseRoles.withPasswords(UUID.randomUUID().toString(),
                        UUID.randomUUID().toString());
                DatabaseBootstrap.apply(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", roles);
                String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + roles.database();
                superuserUrl = jdbc + "?user=postgres";
                tokens = LocalTokenEndpoint.start(CLIENT_ID, CLIENT_SECRET, Duration.ofMinutes(5), Roles.INGEST);
                storage = new StorageProcess(target.resolve("../../storage-service/target/quarkus-app/quarkus-run.jar")
                        .normalize(), target.resolve("storage-service.log"), Map.of(
                        "quarkus.datasource.jdbc.url", jdbc,
                        "quarkus.datasource.password", roles.appPassword(),
                        "quarkus.flyway.password", roles.ownerPassword(),
                        "quarkus.oidc.auth-server-url", "",
                        "quarkus.oidc.public-key", tokens.jwt().publicKey(),
                        "quarkus.oidc.token.issuer", tokens.issuer(),
                        "storage.residency.region", "cn-north-1",
                        "storage.residency.allowed-regions", "cn-north-1",
                        "storage.export.generate-development-key", "true",
                        "quarkus.log.level", "WARN"));
                storage.start();
                Storage.warmUp();
                Runtime.getRuntime().addShutdownHook(new Thread(IngestTestResources::shutDown));
            }
        } catch (Exception e) {
            throw new IllegalStateException("ingest test resources did not start", e);
        }
        return Map.of(
                "quarkus.tls.fleet.key-store.pem.server.cert", certificates.serverCertificate().toString(),
                "quarkus.tls.fleet.key-store.pem.server.key", certificates.serverKey().toString(),
                "quarkus.tls.fleet.trust-store.pem.certs", certificates.fleetCa().toString(),
                "quarkus.rest-client.storage.url", storage.url(),
                "quarkus.oidc-client.auth-server-url", tokens.issuer(),
                "quarkus.oidc-client.client-id", CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", CLIENT_SECRET);
    }

    public static CertificateFolder certificates() {
        return certificates;
    }

    public static StorageProcess storage() {
        return storage;
    }

    public static LocalTokenEndpoint tokens() {
        return tokens;
    }

    public static String superuserUrl() {
        return superuserUrl;
    }

    @Override
    public void stop() {
        // Kept for the next test class of this JVM; stopped by the shutdown hook.
    }

    private static void shutDown() {
        try {
            storage.stop();
            tokens.close();
            postgres.close();
        } catch (Exception e) {
            // The JVM is going away; nothing useful to do.
        }
    }
}
