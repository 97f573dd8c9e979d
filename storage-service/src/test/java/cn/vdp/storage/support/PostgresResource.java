package cn.vdp.storage.support;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.vdp.devpg.DatabaseBootstrap;
import cn.vdp.devpg.DatabaseRoles;
import cn.vdp.devpg.EmbeddedServer;

/**
 * A real PostgreSQL 17 for the tests, started once per test JVM and bootstrapped exactly like the local one:
 * the service connects as the application role and migrates as the owner.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String SUPERUSER_URL = "vdp.test.superuser-url";
    private static EmbeddedPostgres server;
    private static DatabaseRoles roles;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (server == null) {
                server = EmbeddedServer.start(null, 0);
                roles = DatabaseRoles.withPasswords(UUID.randomUUID().toString(), UUID.randomUUID().toString());
                DatabaseBootstrap.apply(server.getJdbcUrl("postgres", "postgres"), "postgres", "", roles);
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::closeServer));
            }
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + roles.database();
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", roles.app(),
                "quarkus.datasource.password", roles.appPassword(),
                "quarkus.flyway.username", roles.owner(),
                "quarkus.flyway.password", roles.ownerPassword(),
                SUPERUSER_URL, "jdbc:postgresql://localhost:" + server.getPort() + "/" + roles.database()
                        + "?user=postgres");
    }

    @Override
    public void stop() {
        // Kept for the next test class of this JVM; stopped by the shutdown hook.
    }

    private static void closeServer() {
        try {
            server.close();
        } catch (Exception e) {
            // The JVM is going away; nothing useful to do.
        }
    }
}
