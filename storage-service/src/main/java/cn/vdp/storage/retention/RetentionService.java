package cn.vdp.storage.retention;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import cn.vdp.common.signal.Category;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.retention.PurgeReport.CategoryPurge;
import cn.vdp.storage.telemetry.TelemetryConfig;

/** Applies the retention of each category: daily on schedule, and on demand for operators. */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    @Inject
    RetentionConfig retention;

    @Inject
    TelemetryConfig telemetry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** Refuses to start when a record could be accepted although its category's retention has already passed. */
    void checkConfiguration(@Observes StartupEvent event) {
        for (Category category : Category.values()) {
            if (retention.of(category).compareTo(telemetry.maxRecordAge()) < 0) {
                throw new IllegalStateException("storage.retention." + category.code().replace('_', '-') + " ("
                        + retention.of(category) + ") is shorter than storage.telemetry.max-record-age ("
                        + telemetry.maxRecordAge() + ")");
            }
        }
    }

    @Scheduled(cron = "{storage.retention.cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() throws SQLException {
        PurgeReport report = purge(Actor.system("retention"));
        LOG.infof("retention purge: %s", report);
    }

    /** Removes what expired; one audit event per category, committed with the removal. Never touches the audit trail. */
    @Transactional
    public PurgeReport purge(Actor actor) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<CategoryPurge> purged = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                CallableStatement call = connection.prepareCall("SELECT * FROM telemetry_purge_before(?, ?)")) {
            for (Category category : Category.values()) {
                Instant cutoff = now.minus(retention.of(category));
                call.setString(1, category.code());
                call.setObject(2, cutoff.atOffset(ZoneOffset.UTC));
                try (var result = call.executeQuery()) {
                    result.next();
                    CategoryPurge done = new CategoryPurge(category.code(), retention.of(category).toString(), cutoff,
                            result.getInt(1), result.getLong(2));
                    purged.add(done);
                    audit.record(AuditEntry.of(AuditAction.RETENTION_PURGE, actor).categories(List.of(done.category()))
                            .range(null, cutoff).quantity(done.rowsDeleted())
                            .detail("retention=" + done.retention() + "; partitions dropped=" + done.partitionsDropped()));
                }
            }
        }
        return new PurgeReport(now, purged);
    }
}
