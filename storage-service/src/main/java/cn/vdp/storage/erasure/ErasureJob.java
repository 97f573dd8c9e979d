package cn.vdp.storage.erasure;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;

/**
 * Executes erasure requests: every {@code storage.erasure.every}, and right after a request is accepted. Replicas
 * share the work through row locks (SKIP LOCKED), so each request runs in one place at a time; within a replica
 * one drain runs at a time.
 */
@ApplicationScoped
public class ErasureJob {

    private static final Logger LOG = Logger.getLogger(ErasureJob.class);

    @Inject
    Eraser eraser;

    @Inject
    ErasureConfig config;

    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean requestedAgain = new AtomicBoolean();
    private ExecutorService triggered;

    @PostConstruct
    void init() {
        triggered = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "erasure-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        triggered.shutdownNow();
    }

    @Scheduled(every = "{storage.erasure.every}", delayed = "{storage.erasure.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        drain();
    }

    /** After the commit only: before it, the job could not see the request. */
    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) ErasureRequested event) {
        triggered.execute(this::drain);
    }

    /** Executes every due request, one after the other; returns how many it completed. */
    public int drain() {
        if (!draining.tryLock()) {
            requestedAgain.set(true); // the running drain looks once more before it stops
            return 0;
        }
        int done = 0;
        try {
            do {
                requestedAgain.set(false);
                for (Optional<UUID> next = claim(); next.isPresent(); next = claim()) {
                    done += execute(next.get()) ? 1 : 0;
                }
            } while (requestedAgain.get());
        } catch (RuntimeException e) {
            LOG.error("erasure job could not look for requests; it tries again on schedule", e);
        } finally {
            draining.unlock();
        }
        return done;
    }

    private Optional<UUID> claim() {
        return QuarkusTransaction.requiringNew().call(eraser::claim);
    }

    private boolean execute(UUID id) {
        try {
            boolean completed = QuarkusTransaction.requiringNew().timeout((int) config.maxDuration().toSeconds())
                    .call(() -> eraser.erase(id));
            if (completed) {
                LOG.infof("erasure request %s completed", id);
            }
            return completed;
        } catch (RuntimeException e) {
            LOG.errorf(e, "erasure request %s failed", id);
            Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
            QuarkusTransaction.requiringNew().call(() -> {
                eraser.failed(id, cause);
                return null;
            });
            return false;
        }
    }
}
