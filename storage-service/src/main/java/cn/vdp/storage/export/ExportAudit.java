package cn.vdp.storage.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;

import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.security.CurrentCaller;
import cn.vdp.storage.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.storage.vehicle.VehicleApi.Period;
import cn.vdp.storage.vehicle.VehicleRegistry;

/**
 * The audit of an owner's download. A download is streamed, so it has no transaction to join: its events (one per
 * vehicle: categories and the span of the caller's periods) are committed before the first byte leaves, and if they
 * cannot be, the download is refused. Its completion (records given out) is recorded in the transaction that
 * registers its manifest. Refusals (404 for a vehicle never owned, 429 when too many exports run) are recorded by
 * the audit's denial recorder under {@link AuditAction#EXPORT_DOWNLOAD}.
 */
@ApplicationScoped
class ExportAudit {


    @Inject
    AuditTrail audit;

    @Inject
    VehicleRegistry registry;

    /** Commits the download's events now; 503 problem (and no download) when the trail cannot be written. */
    void started(UUID exportId, Caller owner, String onlyVin, Instant now) {
        Actor actor = Actor.of(owner, Roles.OWNER);
        List<AuditEntry> entries = new ArrayList<>();
        for (OwnedVehicle vehicle : registry.vehiclesOf(owner)) {
            if (onlyVin == null || vehicle.vin().equals(onlyVin)) {
                Instant from = vehicle.periods().stream().map(Period::from).min(Instant::compareTo).orElse(null);
                Instant to = vehicle.currentOwner() ? now
                        : vehicle.periods().stream().map(Period::to).max(Instant::compareTo).orElse(now);
                entries.add(AuditEntry.of(AuditAction.EXPORT_DOWNLOAD, actor).vin(vehicle.vin())
                        .allCategories().range(from, to)
                        .detail("exportId=" + exportId + "; periods=" + vehicle.periods().size()));
            }
        }
        if (entries.isEmpty()) {
            // An owner without vehicles still gets a (valid, empty) export: that it was asked for is on record.
            entries.add(AuditEntry.of(AuditAction.EXPORT_DOWNLOAD, actor).quantity(0)
                    .detail("exportId=" + exportId + "; no vehicles"));
        }
        audit.recordNow(entries);
    }

    /** Inside the transaction that registers the export: without its event, no register entry either. */
    void onRegistered(@Observes ExportRegistered export) {
        List<String> vins = export.vins();
        audit.record(AuditEntry.of(AuditAction.EXPORT_COMPLETE, actor(export.subject()))
                .vin(vins.size() == 1 ? vins.get(0) : null).allCategories().quantity(export.records())
                .detail("exportId=" + export.exportId() + "; vehicles=" + vins.size()));
    }

    /**
     * The owner who downloads: the manifest is registered while the response is still being written, so the
     * request (its token, its client) is normally still there; if not, the subject the export was made for.
     */
    private static Actor actor(String subject) {
        if (Arc.container().requestContext().isActive()) {
            Caller caller = Arc.container().instance(CurrentCaller.class).get().get();
            if (caller.subject().equals(subject)) {
                return Actor.of(caller, Roles.OWNER);
            }
        }
        return new Actor(subject, Roles.OWNER, null);
    }
}
