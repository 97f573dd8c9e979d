package cn.vdp.storage.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;

/**
 * The one way features audit what they do. {@link #record} joins the event to the action's own transaction: it is
 * appended to the chain just before that transaction commits (so the chain's lock is held as briefly as possible,
 * and all events of one transaction go in one statement), and if it cannot be appended the commit, and so the
 * action, fails. An action that rolls back leaves no event; denials, whose action rolls back by nature, are recorded
 * with {@link #recordInOwnTransaction}.
 */
@ApplicationScoped
public class AuditTrail {

    /** An action refused because its audit event could not be written first. */
    public static final ProblemType AUDIT_UNAVAILABLE = new ProblemType("audit-unavailable", 503,
            "The audit trail cannot be written");
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Object PENDING = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AuditAppender appender;

    @Inject
    ReadEventStager stager;

    @Inject
    StagedEventChainer chainer;

    @Inject
    AuditConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    private Counter appended;
    private Counter failed;

    @PostConstruct
    void init() {
        appended = Counter.builder("storage_audit_events").description("Audit events committed").register(metrics);
        failed = Counter.builder("storage_audit_append_failures")
                .description("Transactions refused because their audit events could not be appended").register(metrics);
    }

    /** Adds the event to the current transaction; there must be one. */
    public void record(AuditEntry entry) {
        if (!config.enabled()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("an audit event is recorded inside its action's transaction");
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.events.add(entry.at(clock.instant(), RequestIds.current()));
    }

    /**
     * Starts staging the event of a read, committed on a connection of its own, while the read runs; the read calls
     * {@link AuditReceipt#awaitCommitted} before any of its data leaves. The read then costs only what staging takes
     * longer than the query, not both one after the other; staging is a light insert, and concurrent reads' stagings
     * share commits instead of queueing for the chain's lock. The event joins the chain moments later
     * (StagedEventChainer). It records the access as granted, before the read's result is known: it cannot count
     * what the read will return. Reads only; an action that changes something records its event in its own
     * transaction ({@link #record}).
     */
    public AuditReceipt recordAlongside(AuditEntry entry) {
        if (!config.enabled()) {
            return AuditReceipt.NOT_AUDITED;
        }
        String requestId = RequestIds.current();
        CompletableFuture<Void> committed = stager.stage(entry.at(clock.instant(), requestId));
        committed.whenComplete((done, error) -> (error == null ? appended : failed).increment());
        return new AuditReceipt(committed, config.readStageTimeout(), requestId);
    }

    /**
     * Waits (briefly, see AuditConfig#chainCatchUpTimeout) until the events of reads that answered before now are in
     * the chain, so that a regulator's view of the trail includes them.
     */
    public void catchUp() {
        if (config.enabled()) {
            chainer.catchUp();
        }
    }

    /** Records and commits the event now, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordInOwnTransaction(AuditEntry entry) {
        record(entry);
    }

    /**
     * Records and commits the events now, in a transaction of their own, for an action that has no transaction of
     * its own to join (a streamed download: its events must be durable before its first byte leaves). If they
     * cannot be written the action must not happen: 503 problem, nothing recorded.
     */
    public void recordNow(List<AuditEntry> entries) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entries.forEach(this::record));
        } catch (RuntimeException e) {
            // Refused by the append (Pending), which logged why; or the transaction itself failed.
            throw ProblemException.in(e).orElseGet(() -> {
                LOG.errorf(e, "audit events of request %s could not be written; the action is refused",
                        RequestIds.current());
                return refused();
            });
        }
    }

    private static ProblemException refused() {
        return new ProblemException(AUDIT_UNAVAILABLE, "The action was refused because it could not be audited");
    }

    /** The events of one transaction, appended at its end. */
    private final class Pending implements Synchronization {

        final List<AuditEvent> events = new ArrayList<>(2);

        @Override
        public void beforeCompletion() {
            if (transactions.getRollbackOnly()) {
                return;
            }
            try {
                appender.append(events);
            } catch (SQLException | RuntimeException e) {
                failed.increment();
                LOG.errorf(e, "audit events of request %s could not be written; the action is refused",
                        RequestIds.current());
                // Thrown from here, the transaction rolls back: no action without its event. The commit's exception
                // carries this one, which the problem mapper answers with (503, like a read that cannot be audited).
                throw refused();
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                appended.increment(events.size());
            }
        }
    }
}
