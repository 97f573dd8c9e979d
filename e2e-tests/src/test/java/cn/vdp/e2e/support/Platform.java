package cn.vdp.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.vdp.common.testing.JarProcess;
import cn.vdp.devcerts.CertificateFolder;
import cn.vdp.devcerts.DevCertificates;
import cn.vdp.devkc.KeycloakHome;
import cn.vdp.devkc.KeycloakServer;
import cn.vdp.devkc.RealmImport;
import cn.vdp.devpg.DatabaseBootstrap;
import cn.vdp.devpg.DatabaseRoles;
import cn.vdp.devpg.EmbeddedServer;

/**
 * The whole platform, started once for every test class of this module: embedded PostgreSQL, Keycloak (the unpacked
 * distribution make run uses, a temporary home and dev-file database, the repository's realm files plus the
 * test-only additions), and the packaged storage-service, ingest-service and owner-portal-service in their prod
 * profile, all on free ports. Stopped when the test JVM exits.
 */
public final class Platform {

    public static final String OWNER_A = "00000000-0000-4000-8000-00000000a001";
    public static final String OWNER_B = "00000000-0000-4000-8000-00000000a002";
    public static final int CARS = 3;

    private static Platform instance;

    public final Path root = Path.of(System.getProperty("vdp.root", "..")).toAbsolutePath().normalize();
    public final Path output = Path.of(System.getProperty("vdp.test.output", "target")).toAbsolutePath();
    public final Path work;
    public final CertificateFolder certificates;
    public final List<String> vins;
    public final Map<String, String> secrets = new HashMap<>();
    public final Tokens tokens;
    private final int storagePort = JarProcess.freePort();
    private final int storageManagement = JarProcess.freePort();
    private final int ingestPort = JarProcess.freePort();
    private final int ingestManagement = JarProcess.freePort();
    private final int portalPort = JarProcess.freePort();
    private final int portalManagement = JarProcess.freePort();
    private final List<AutoCloseable> running = new ArrayList<>();
    private KeycloakServer keycloak;

    public static synchronized Platform get() throws Exception {
        if (instance == null) {
            instance = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            instance.start();
        }
        return instance;
    }

    private Platform() throws Exception {
        work = Files.createTempDirectory("vdp-e2e");
        Files.createDirectories(output.resolve("e2e-logs"));
        certificates = new CertificateFolder(work.resolve("certs"));
        DevCertificates.ensure(certificates, CARS);
        vins = certificates.cars(); // sorted: the fleet simulator's first car is vins.get(0)
        for (String name : List.of("VDP_INGEST_CLIENT_SECRET", "VDP_PORTAL_CLIENT_SECRET",
                "VDP_SIMULATOR_CLIENT_SECRET")) {
            secrets.put(name, random());
        }
        tokens = new Tokens(this);
    }

    private void start() throws Exception {
        CompletableFuture<KeycloakServer> identityProvider = CompletableFuture.supplyAsync(() -> {
            try {
                return startKeycloak();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        DatabaseRoles roles = DatabaseRoles.withPasswords(random(), random());
        EmbeddedPostgres postgres = EmbeddedServer.start(work.resolve("pg"), 0);
        running.add(postgres);
        DatabaseBootstrap.apply(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", roles);
        Path signingKey = signingKey();
        keycloak = identityProvider.join();
        running.add(keycloak);

        Map<String, String> storageEnv = Map.of("VDP_DB_URL",
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + roles.database(),
                "VDP_DB_APP_PASSWORD", roles.appPassword(), "VDP_DB_OWNER_PASSWORD", roles.ownerPassword(),
                "VDP_OIDC_ISSUER", issuer(), "VDP_REGION", "cn-north-1", "VDP_ALLOWED_REGIONS", "cn-north-1",
                "VDP_EXPORT_SIGNING_KEY_FILE", signingKey.toString());
        running.add(service("storage-service", storageEnv, Map.of("quarkus.http.port", "" + storagePort),
                storageManagement));
        CompletableFuture<ServiceProcess> ingest = CompletableFuture.supplyAsync(() -> service("ingest-service",
                Map.of("VDP_STORAGE_URL", storageUrl(), "VDP_OIDC_ISSUER", issuer(), "VDP_INGEST_CLIENT_SECRET",
                        secrets.get("VDP_INGEST_CLIENT_SECRET"), "VDP_TLS_CERT_FILE",
                        certificates.serverCertificate().toString(), "VDP_TLS_KEY_FILE",
                        certificates.serverKey().toString(), "VDP_FLEET_CA_FILE", certificates.fleetCa().toString()),
                Map.of("quarkus.http.ssl-port", "" + ingestPort), ingestManagement));
        CompletableFuture<ServiceProcess> portal = CompletableFuture.supplyAsync(() -> service("owner-portal-service",
                Map.of("VDP_STORAGE_URL", storageUrl(), "VDP_OIDC_ISSUER", issuer(), "VDP_PORTAL_CLIENT_SECRET",
                        secrets.get("VDP_PORTAL_CLIENT_SECRET")),
                Map.of("quarkus.http.port", "" + portalPort), portalManagement));
        running.add(ingest.join());
        running.add(portal.join());
    }

    private KeycloakServer startKeycloak() throws Exception {
        Path dist = Path.of(System.getProperty("vdp.keycloak.dist", ".run/tools/keycloak-26.7.3"));
        KeycloakHome home = KeycloakHome.prepare(dist, work.resolve("keycloak"));
        Path realms = root.resolve("k8s/vdp/files/realm");
        Path testRealms = Path.of("src/test/resources/realm").toAbsolutePath();
        RealmImport.write(home.importFolder(), realms.resolve("vdp-realm.json"),
                List.of(root.resolve("dev-keycloak/realm-local/vdp-local-clients.json"),
                        testRealms.resolve("vdp-e2e-clients.json")),
                List.of(realms.resolve("vdp-users-0.json"), testRealms.resolve("elsewhere-realm.json")));
        Map<String, String> env = new HashMap<>(secrets);
        env.put("VDP_PORTAL_URL", portalUrl());
        int port = JarProcess.freePort();
        return KeycloakServer.start(home, port, env, output.resolve("e2e-logs/keycloak.log"), "vdp",
                Duration.ofMinutes(4));
    }

    private ServiceProcess service(String module, Map<String, String> environment, Map<String, String> properties,
            int managementPort) {
        try {
            return ServiceProcess.start(root, module, environment, properties,
                    output.resolve("e2e-logs/" + module + ".log"), managementPort);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(module + " did not start", e);
        }
    }

    /** The platform's manifest signing key (Ed25519, PKCS#8 PEM), as a Secret would hold it. */
    private Path signingKey() throws Exception {
        byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        Path file = work.resolve("export-signing-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    public String issuer() {
        return issuer("vdp");
    }

    public String issuer(String realm) {
        return "http://localhost:" + keycloak.port() + "/realms/" + realm;
    }

    public String storageUrl() {
        return "http://localhost:" + storagePort;
    }

    public String ingestUrl() {
        return "https://localhost:" + ingestPort;
    }

    public String portalUrl() {
        return "http://localhost:" + portalPort;
    }

    /** The management root (health, metrics, OpenAPI) of a service: storage-service, ingest-service or portal. */
    public String management(String service) {
        int port = switch (service) {
            case "storage-service" -> storageManagement;
            case "ingest-service" -> ingestManagement;
            case "owner-portal-service" -> portalManagement;
            default -> throw new IllegalArgumentException(service);
        };
        return "http://localhost:" + port;
    }

    private synchronized void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + running.get(i) + ": " + e);
            }
        }
        running.clear();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
