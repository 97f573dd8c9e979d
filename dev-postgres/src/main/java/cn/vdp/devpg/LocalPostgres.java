package cn.vdp.devpg;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL of {@code make run}: a fixed port and a kept data folder, so that data survives restarts.
 * Stops the server when the process is terminated.
 *
 * <p>Usage: {@code LocalPostgres <data-dir> <port>}; passwords come from VDP_DB_OWNER_PASSWORD and
 * VDP_DB_APP_PASSWORD (generated once by make run).
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalPostgres <data-dir> <port>");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        DatabaseRoles roles = DatabaseRoles.withPasswords(requiredEnv("VDP_DB_OWNER_PASSWORD"),
                requiredEnv("VDP_DB_APP_PASSWORD"));

        EmbeddedPostgres postgres = EmbeddedServer.start(dataDirectory, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        DatabaseBootstrap.apply(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", roles);
        System.out.println("PostgreSQL 17 ready on port " + port + ", database '" + roles.database()
                + "', data in " + dataDirectory);
        stopped.await();
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set");
        }
        return value;
    }
}
