package cn.vdp.storage.audit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import cn.vdp.common.problem.ProblemException;

/** The audit event of a read, being committed while the read runs; the read waits for it before answering. */
public final class AuditReceipt {

    private static final Logger LOG = Logger.getLogger(AuditReceipt.class);
    static final AuditReceipt NOT_AUDITED = new AuditReceipt(CompletableFuture.completedFuture(null), Duration.ZERO, null);

    private final CompletableFuture<Void> committed;
    private final Duration timeout;
    private final String requestId;

    AuditReceipt(CompletableFuture<Void> committed, Duration timeout, String requestId) {
        this.committed = committed;
        this.timeout = timeout;
        this.requestId = requestId;
    }

    /** Returns once the event is durable; otherwise the read must not answer: 503 audit-unavailable. */
    public void awaitCommitted() {
        try {
            committed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The cause is logged by the stager.
            LOG.errorf("the audit event of request %s was not committed (%s); the read is refused", requestId, e);
        }
        throw new ProblemException(AuditTrail.AUDIT_UNAVAILABLE, "The read was refused because it could not be audited");
    }
}
