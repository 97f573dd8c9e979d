package cn.vdp.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.vdp.common.testing.JarProcess;
import cn.vdp.devcerts.LocalJwt;
import cn.vdp.devpg.DatabaseBootstrap;
import cn.vdp.devpg.DatabaseRoles;
import cn.vdp.devpg.EmbeddedServer;

/**
 * storage-service as its packaged jar against a fresh embedded PostgreSQL 17, behind a real token check (RS256
 * tokens of a key made for this run), on free ports (other benchmarks may run on the same machine).
 */
final class BenchStorage implements AutoCloseable {

    private final int httpPort = JarProcess.freePort();
    private final int managementPort = JarProcess.freePort();
    final Path work;
    final DatabaseRoles roles = DatabaseRoles.withPasswords("bench-owner", "bench-app");
    final LocalJwt jwt;
    final String jdbc;
    private final EmbeddedPostgres postgres;
    private ServiceProcess service;

    private BenchStorage(String name, Map<String, String> postgresSettings) throws Exception {
        work = Files.createTempDirectory(name);
        jwt = new LocalJwt("https://bench.vdp.invalid");
        postgres = EmbeddedServer.start(work.resolve("pg"), 0, postgresSettings);
        DatabaseBootstrap.apply(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", roles);
        jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + roles.database();
    }

    static BenchStorage start(Path root, String name, Map<String, String> extra) throws Exception {
        return start(root, name, extra, Map.of());
    }

    /** @param postgresSettings PostgreSQL settings replacing the platform's local ones (EmbeddedServer) */
    static BenchStorage start(Path root, String name, Map<String, String> extra, Map<String, String> postgresSettings)
            throws Exception {
        BenchStorage storage = new BenchStorage(name, postgresSettings);
        try {
            Path log = storage.work.resolve("storage.log");
            System.out.println("starting storage-service (log: " + log + ")");
            storage.service = ServiceProcess.start(root, "storage-service",
                    storage.properties(storage.httpPort, storage.managementPort, extra), log,
                    storage.management("/q/health/ready"));
            return storage;
        } catch (Exception e) {
            storage.close();
            throw e;
        }
    }

    /**
     * A second storage-service process on the same database and token key, on free ports of its own, e.g. with one
     * setting changed to compare both; the caller closes it (before this one).
     */
    Sibling sibling(Path root, String logName, Map<String, String> extra) throws Exception {
        int http = JarProcess.freePort();
        int management = JarProcess.freePort();
        Path log = work.resolve(logName);
        System.out.println("starting another storage-service (log: " + log + ")");
        ServiceProcess process = ServiceProcess.start(root, "storage-service", properties(http, management, extra), log,
                URI.create("http://localhost:" + management + "/q/health/ready"));
        return new Sibling(process, "http://localhost:" + http,
                URI.create("http://localhost:" + management + "/q/metrics"));
    }

    record Sibling(ServiceProcess process, String api, URI metrics) implements AutoCloseable {

        /** The JVM, for a warm-up until its compilers are quiet. */
        JitWarmup.Service jvm() {
            return new JitWarmup.Service(process.pid(), metrics);
        }

        @Override
        public void close() throws Exception {
            process.close();
        }
    }

    private Map<String, String> properties(int http, int management, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.http.port", String.valueOf(http),
                "quarkus.management.port", String.valueOf(management),
                "quarkus.datasource.jdbc.url", jdbc,
                "quarkus.datasource.password", roles.appPassword(),
                "quarkus.flyway.password", roles.ownerPassword(),
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", jwt.publicKey(),
                "quarkus.oidc.token.issuer", jwt.issuer(),
                "quarkus.log.level", "WARN"));
        properties.put("storage.residency.region", "cn-north-1");
        properties.put("storage.residency.allowed-regions", "cn-north-1");
        // The prod profile never generates a signing key; a benchmark has no use for a kept one.
        properties.put("storage.export.generate-development-key", "true");
        properties.putAll(extra);
        return properties;
    }

    /** Flushes every dirty page now, so that a measurement after a bulk change is not slowed by the flush. */
    void checkpoint() throws SQLException {
        checkpoint(postgres);
    }

    /** The same for any embedded server of a benchmark (as its superuser). */
    static void checkpoint(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement sql = connection.createStatement()) {
            sql.execute("CHECKPOINT");
        }
    }

    /** Its database's WAL so far. */
    WalStats wal() throws SQLException {
        return WalStats.of(postgres);
    }

    String api() {
        return "http://localhost:" + httpPort;
    }

    URI management(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    /** The JVM, for a warm-up until its compilers are quiet. */
    JitWarmup.Service jvm() {
        return new JitWarmup.Service(pid(), management("/q/metrics"));
    }

    long pid() {
        return service.pid();
    }

    /** Stops both and deletes the data: a run leaves gigabytes behind otherwise. */
    @Override
    public void close() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
            postgres.close();
        } finally {
            WorkFolder.delete(work);
        }
    }
}
