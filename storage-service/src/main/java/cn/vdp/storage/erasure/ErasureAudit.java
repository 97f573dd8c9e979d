package cn.vdp.storage.erasure;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditOutcome;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.erasure.ErasureApi.ErasedPeriod;
import cn.vdp.storage.security.CurrentCaller;

/**
 * The audit of erasures, each event in the transaction of what it records: the request (a write by its owner, one
 * event per vehicle), its execution by the job (one event per erased ownership period, with the telemetry rows
 * removed), and a request the job gave up on. The request's id is in every event's detail, so a regulator can
 * follow a request from asking to done.
 */
@ApplicationScoped
class ErasureAudit {

    static final String JOB = "erasure";

    @Inject
    AuditTrail audit;

    @Inject
    CurrentCaller caller;

    void onRequested(@Observes ErasureRequested request) {
        Actor owner = Actor.of(caller.get(), Roles.OWNER);
        String detail = "request=" + request.requestId();
        if (request.vins().isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.ERASURE_REQUEST, owner).quantity(0).detail(detail + "; no vehicles"));
        }
        for (String vin : request.vins()) {
            audit.record(AuditEntry.of(AuditAction.ERASURE_REQUEST, owner).vin(vin).allCategories()
                    .detail(detail));
        }
    }

    void onCompleted(@Observes ErasureCompleted done) {
        ErasureApi.Erased erased = done.erased();
        String detail = "request=" + done.requestId() + "; owner=" + done.subject() + "; consentRows="
                + erased.consentRows() + "; exportRecords=" + erased.exportRecords();
        Actor job = Actor.system(JOB);
        if (erased.periods().isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.ERASURE_EXECUTE, job).quantity(0).detail(detail));
        }
        for (ErasedPeriod period : erased.periods()) {
            audit.record(AuditEntry.of(AuditAction.ERASURE_EXECUTE, job).vin(period.vin()).allCategories()
                    .range(period.from(), period.to() == null ? done.completedAt() : period.to())
                    .quantity(period.telemetryRows()).detail(detail));
        }
    }

    void onFailed(@Observes ErasureFailed failed) {
        audit.record(AuditEntry.of(AuditAction.ERASURE_EXECUTE, Actor.system(JOB)).outcome(AuditOutcome.FAILED)
                .detail("request=" + failed.requestId() + "; owner=" + failed.subject() + "; " + failed.reason()));
    }
}
