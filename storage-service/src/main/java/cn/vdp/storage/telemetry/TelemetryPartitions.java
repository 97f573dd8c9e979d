package cn.vdp.storage.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import cn.vdp.common.signal.Category;

/**
 * Keeps a day partition per category ready from the oldest accepted recording day to a few days ahead: at start,
 * then every hour. Readiness depends on it, because a record without a partition could not be stored.
 */
@ApplicationScoped
public class TelemetryPartitions {

    private static final Logger LOG = Logger.getLogger(TelemetryPartitions.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TelemetryConfig config;

    @Inject
    Clock clock;

    private final AtomicReference<LocalDate> readyThrough = new AtomicReference<>();

    void onStart(@Observes StartupEvent event) throws SQLException {
        ensure();
    }

    @Scheduled(every = "{storage.telemetry.partition-check-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyHour() throws SQLException {
        ensure();
    }

    /** Creates what is missing; returns how many partitions were created. */
    public int ensure() throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = today.minusDays(config.maxRecordAge().toDays() + 1);
        LocalDate to = today.plusDays(config.partitionDaysAhead());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement call = connection.prepareStatement("SELECT telemetry_ensure_partitions(?, ?, ?)")) {
            call.setArray(1, connection.createArrayOf("text",
                    Arrays.stream(Category.values()).map(Category::code).toArray()));
            call.setObject(2, from);
            call.setObject(3, to);
            try (ResultSet result = call.executeQuery()) {
                result.next();
                int created = result.getInt(1);
                readyThrough.set(to);
                if (created > 0) {
                    LOG.infof("created %d telemetry partitions (%s .. %s)", created, from, to);
                }
                return created;
            }
        }
    }

    /** True while partitions exist at least through tomorrow (UTC). */
    public boolean ready() {
        LocalDate through = readyThrough.get();
        return through != null && !through.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
    }
}
