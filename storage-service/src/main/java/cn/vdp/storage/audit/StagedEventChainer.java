package cn.vdp.storage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Moves staged events of reads into the hash chain (audit_chain_staged), on one thread of its own: a chain delay
 * after this service staged one ({@link #wake}; the events of all reads in that time go together), at once when a
 * regulator's query waits ({@link #catchUp}), and every poll interval for those it was not told of (another
 * replica's, or left by a restart). It chains until nothing waits, a batch per statement, each statement committed
 * on its own so the chain's lock is held only that long. A run that fails is retried at the next wake or poll.
 */
@ApplicationScoped
class StagedEventChainer {

    private static final Logger LOG = Logger.getLogger(StagedEventChainer.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditConfig config;

    @Inject
    MeterRegistry metrics;

    private final Object signal = new Object();
    /** An event was staged since the last run started. Guarded by {@link #signal}. */
    private boolean staged;
    /** Someone waits for the next run ({@link #catchUp}): no gathering. Guarded by {@link #signal}. */
    private boolean urgent;
    /** Completed at the end of the next run that starts; replaced when that run starts. Guarded by {@link #signal}. */
    private CompletableFuture<Void> nextRun = new CompletableFuture<>();
    private Thread thread;
    private volatile boolean running = true;
    private Counter chained;
    private Timer chainTime;

    @PostConstruct
    void start() {
        chained = Counter.builder("storage_audit_chained_events").description("Staged audit events of reads chained")
                .register(metrics);
        chainTime = Timer.builder("storage_audit_chain_seconds")
                .description("Time of one statement chaining staged events, commit included").register(metrics);
        thread = new Thread(this::run, "audit-chainer");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }

    /** Asks for a run soon (after gathering for the chain delay): an event was just staged. */
    void wake() {
        synchronized (signal) {
            if (!staged) {
                staged = true;
                signal.notifyAll();
            }
        }
    }

    /**
     * Waits until a run that started after this call is done, so the chain holds every event staged before it (a
     * regulator's query sees every read that answered before it). Gives up after the configured time, quietly: the
     * query then shows the chain as it is, and the verification reports what waits.
     */
    void catchUp() {
        CompletableFuture<Void> run;
        synchronized (signal) {
            run = nextRun;
            urgent = true;
            signal.notifyAll();
        }
        try {
            run.get(config.chainCatchUpTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("staged audit events are not chained yet (%s); the chain is shown as it is", e);
        }
    }

    private void run() {
        while (running) {
            CompletableFuture<Void> thisRun;
            try {
                thisRun = awaitRun();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                chainAll();
                thisRun.complete(null);
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "staged audit events could not be chained; retrying at the next poll");
                thisRun.completeExceptionally(e);
            }
        }
    }

    /**
     * Waits until a run is due: the poll interval is over, or an event was staged and the chain delay has passed
     * since, or someone waits for a run. Returns the run's completion, which those waiting hold.
     */
    private CompletableFuture<Void> awaitRun() throws InterruptedException {
        synchronized (signal) {
            waitUntil(System.nanoTime() + config.chainPollInterval().toNanos(), true);
            if (staged) {
                waitUntil(System.nanoTime() + config.chainDelay().toNanos(), false);
            }
            staged = false; // events staged from here on go in the next run
            urgent = false;
            CompletableFuture<Void> run = nextRun;
            nextRun = new CompletableFuture<>();
            return run;
        }
    }

    /** Waits on {@link #signal} (held) until the deadline, or someone is urgent, or (if asked) something staged. */
    private void waitUntil(long deadline, boolean untilStaged) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0 && !urgent && !(untilStaged && staged);
                left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(signal, left);
        }
    }

    private void chainAll() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement chain = connection.prepareStatement("SELECT audit_chain_staged(?)")) {
            chain.setInt(1, config.chainBatch());
            int count;
            do {
                long start = System.nanoTime();
                try (ResultSet result = chain.executeQuery()) {
                    result.next();
                    count = result.getInt(1);
                }
                if (count > 0) {
                    chainTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    chained.increment(count);
                }
            } while (count == config.chainBatch());
        }
    }
}
