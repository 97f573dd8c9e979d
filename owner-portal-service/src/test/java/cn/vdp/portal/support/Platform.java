package cn.vdp.portal.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.vdp.devpg.DatabaseBootstrap;
import cn.vdp.devpg.DatabaseRoles;
import cn.vdp.devpg.EmbeddedServer;

/**
 * What the portal talks to, for real: the OIDC test server (code-flow login page, token endpoint, JWKS), a real
 * PostgreSQL 17, and the packaged storage-service as its own process, trusting the same issuer and keys. Started
 * once per test JVM; test code finds them through the configuration this returns.
 */
public class Platform implements QuarkusTestResourceLifecycleManager {

    /** Where storage-service listens (tests seed data through its operator and ingest APIs). */
    public static final String STORAGE_URL = "vdp.test.storage-url";
    /** Superuser JDBC URL of storage-service's database, to count what is really stored. */
    public static final String DATABASE_URL = "vdp.test.database-url";
    public static final String ISSUER = "https://server.example.com";

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            try {
                config = startAll();
            } catch (Exception e) {
                throw new IllegalStateException("the platform for the portal tests did not start", e);
            }
        }
        return config;
    }

    private static Map<String, String> startAll() throws Exception {
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        String keycloak = oidcConfig.get("keycloak.url");
        LoginStubs.install(keycloak);

        EmbeddedPostgres postgres = EmbeddedServer.start(null, 0);
        DatabaseRoles roles = DatabaseRoles.withPasswords(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        DatabaseBootstrap.apply(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", roles);
        String database = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + roles.database();

        Path output = Path.of(System.getProperty("vdp.test.output", "target"));
        Files.createDirectories(output);
        Map<String, String> storageConfig = Map.of(
                "quarkus.datasource.jdbc.url", database,
                "quarkus.datasource.username", roles.app(),
                "quarkus.datasource.password", roles.appPassword(),
                "quarkus.flyway.username", roles.owner(),
                "quarkus.flyway.password", roles.ownerPassword(),
                "quarkus.oidc.auth-server-url", keycloak + "/realms/quarkus/",
                "quarkus.oidc.token.issuer", ISSUER,
                "storage.residency.region", "cn-north-1",
                "storage.residency.allowed-regions", "cn-north-1",
                // the regulator pages show signed checkpoints: sign one every few seconds
                "storage.audit.checkpoint-interval", "3s");
        Map<String, String> environment = Map.of("VDP_EXPORT_SIGNING_KEY_FILE",
                signingKey(output.resolve("test-export-signing-key.pem")).toString());
        StorageProcess storage = StorageProcess.start(storageConfig, environment,
                output.resolve("storage-service.log"));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                storage.close();
                postgres.close();
            } catch (Exception e) {
                // the JVM is going away
            }
            oidc.stop();
        }));

        Map<String, String> result = new HashMap<>(oidcConfig);
        result.put("quarkus.rest-client.storage.url", storage.url());
        result.put(STORAGE_URL, storage.url());
        result.put(DATABASE_URL, database + "?user=postgres");
        return result;
    }

    /** A throw-away Ed25519 key for storage-service's export signatures (test fixture, made per run). */
    private static Path signingKey(Path file) throws IOException, NoSuchAlgorithmException {
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
        return file.toAbsolutePath();
    }

    @Override
    public void stop() {
        // Kept for the next test class of this JVM; stopped by the shutdown hook.
    }
}
