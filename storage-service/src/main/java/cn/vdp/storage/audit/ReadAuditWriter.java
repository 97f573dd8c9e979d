package cn.vdp.storage.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Appends the events of reads on one thread of its own, each in a transaction of its own (an autocommit statement:
 * one round trip, committed durably when it returns), while the reads they describe run. Events that queue up while
 * an append is under way go together in the next one: one commit, and one hold of the chain's lock, for many reads.
 */
@ApplicationScoped
class ReadAuditWriter {

    private static final Logger LOG = Logger.getLogger(ReadAuditWriter.class);

    @Inject
    AuditAppender appender;

    @Inject
    AuditConfig config;

    @Inject
    MeterRegistry metrics;

    private BlockingQueue<Queued> queue;
    private Thread thread;
    private volatile boolean running = true;
    private Timer appendTime;
    private DistributionSummary appendSize;

    private record Queued(AuditEvent event, CompletableFuture<Void> committed) {
    }

    @PostConstruct
    void start() {
        appendTime = Timer.builder("storage_audit_read_append_seconds")
                .description("Time of one append of reads' audit events, commit included").publishPercentiles(0.5, 0.99)
                .register(metrics);
        appendSize = DistributionSummary.builder("storage_audit_read_append_events")
                .description("Audit events of reads appended together").register(metrics);
        queue = new ArrayBlockingQueue<>(config.readAppendQueue());
        thread = new Thread(this::run, "audit-read-appender");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }

    /** Completes once the event is committed; exceptionally when it cannot be (queue full, database refused). */
    CompletableFuture<Void> append(AuditEvent event) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (!running || !queue.offer(new Queued(event, committed))) {
            committed.completeExceptionally(new IllegalStateException("too many audit events waiting to be appended"));
        }
        return committed;
    }

    private void run() {
        List<Queued> batch = new ArrayList<>();
        while (running) {
            try {
                Queued first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.readAppendBatch() - 1);
                appendAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        List<Queued> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(q -> q.committed.completeExceptionally(new IllegalStateException("the service is stopping")));
    }

    private void appendAll(List<Queued> batch) {
        long start = System.nanoTime();
        try {
            appender.append(batch.stream().map(Queued::event).toList());
            long nanos = System.nanoTime() - start;
            batch.forEach(q -> q.committed.complete(null)); // the reads first: they wait, the metrics do not
            appendTime.record(nanos, TimeUnit.NANOSECONDS);
            appendSize.record(batch.size());
        } catch (Exception e) {
            LOG.errorf(e, "%d audit events of reads could not be appended; their reads are refused", batch.size());
            batch.forEach(q -> q.committed.completeExceptionally(e));
        }
    }
}
