package cn.vdp.devpg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts a real PostgreSQL 17 from the embedded binaries with the settings the platform expects (durable). */
public final class EmbeddedServer {

    private EmbeddedServer() {
    }

    /**
     * @param dataDirectory kept between starts when given; a throw-away folder when null
     * @param port a fixed port, or 0 for any free one
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, Map.of());
    }

    /** @param overrides server settings that replace the ones below (a benchmark's, for instance) */
    public static EmbeddedPostgres start(Path dataDirectory, int port, Map<String, String> overrides)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                // Each category has a partition per day: a purge or an unpruned scan locks many of them.
                .setServerConfig("max_locks_per_transaction", "512")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("timezone", "UTC")
                // The library turns durability off for speed; the platform promises that nothing acknowledged
                // is lost, so local runs, benchmarks and tests run with production's settings.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        overrides.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return builder.start();
    }
}
