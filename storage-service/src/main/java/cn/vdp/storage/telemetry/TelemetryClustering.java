package cn.vdp.storage.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Rewrites each closed day partition in primary-key order (vin, recorded_at, seq, category), once, soon after the
 * day ends. Rows arrive interleaved from every car, so before this one car's day lies on as many heap pages as it
 * has rows; after it, on a few adjacent ones, and an owner's history reads about a hundredth of the pages.
 * The rewrite (CLUSTER, in telemetry_cluster_partition) locks only that partition, and waits at most the lock
 * timeout for it; today's writes never wait.
 */
@ApplicationScoped
public class TelemetryClustering {

    private static final Logger LOG = Logger.getLogger(TelemetryClustering.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TelemetryConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "{storage.telemetry.clustering.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        if (config.clustering().enabled()) {
            run();
        }
    }

    /** Clusters the closed day partitions not clustered yet, newest first; returns the names of those done. */
    public List<String> run() throws SQLException {
        List<String> done = new ArrayList<>();
        for (String partition : candidates()) {
            long start = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement call = connection.prepareStatement("SELECT telemetry_cluster_partition(?, ?)")) {
                // One partition per transaction: its lock is held only while that partition is rewritten.
                connection.setAutoCommit(true);
                call.setString(1, partition);
                call.setString(2, config.clustering().lockTimeout().toMillis() + "ms");
                try (ResultSet result = call.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        done.add(partition);
                        LOG.infof("clustered %s in %d ms", partition, (System.nanoTime() - start) / 1_000_000);
                    }
                }
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw e;
                }
                LOG.infof("%s is in use; clustering it on the next run", partition);
            }
        }
        return done;
    }

    private List<String> candidates() throws SQLException {
        List<String> partitions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT partition_name FROM telemetry_unclustered_days(?) LIMIT ?")) {
            query.setObject(1, clock.instant().minus(config.clustering().after()).atOffset(ZoneOffset.UTC));
            query.setInt(2, config.clustering().perRun());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    partitions.add(rows.getString(1));
                }
            }
        }
        return partitions;
    }
}
