package cn.vdp.storage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Stages the events of reads (V2.3.0__stage_read_audit_events.sql) while the reads run: one light insert each,
 * committed durably on a connection of its own (autocommit, outside the read's transaction), several at once. The
 * chain's lock is not taken here; {@link StagedEventChainer} chains the events moments later, and is told at once.
 */
@ApplicationScoped
class ReadEventStager {

    private static final Logger LOG = Logger.getLogger(ReadEventStager.class);
    private static final String STAGE = "INSERT INTO audit_staged (event) VALUES (?::jsonb)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StagedEventChainer chainer;

    @Inject
    AuditConfig config;

    @Inject
    MeterRegistry metrics;

    private ThreadPoolExecutor stagers;
    private Timer stageTime;

    @PostConstruct
    void start() {
        stageTime = Timer.builder("storage_audit_read_stage_seconds")
                .description("Time to stage one read's audit event, commit included").publishPercentiles(0.5, 0.99)
                .register(metrics);
        AtomicInteger threads = new AtomicInteger();
        int size = config.readStageConnections();
        stagers = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(config.readStageQueue()), work -> {
                    Thread thread = new Thread(work, "audit-read-stager-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @PreDestroy
    void stop() {
        stagers.shutdownNow();
    }

    /** Completes once the event is committed; exceptionally when it cannot be (too many waiting, database refused). */
    CompletableFuture<Void> stage(AuditEvent event) {
        try {
            return CompletableFuture.runAsync(() -> insert(event), stagers); // the JSON too: off the read's thread
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("too many audit events to stage"));
        }
    }

    private void insert(AuditEvent event) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(STAGE)) {
            insert.setString(1, AuditAppender.json(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "the audit event of a read could not be staged; the read is refused");
            throw new IllegalStateException(e);
        }
        stageTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        chainer.wake();
    }
}
