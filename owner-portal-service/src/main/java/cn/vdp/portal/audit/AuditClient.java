package cn.vdp.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.vdp.portal.audit.AuditApi.CheckpointPage;
import cn.vdp.portal.audit.AuditApi.EventPage;
import cn.vdp.portal.audit.AuditApi.Report;
import cn.vdp.portal.audit.AuditApi.Verification;
import cn.vdp.portal.storage.Storage;

/** The regulator's reads, through storage-service with their own token; downloads stream through untouched. */
@ApplicationScoped
public class AuditClient {

    @Inject
    @RestClient
    AuditRestClient storage;

    public EventPage events(TrailFilter f, Integer limit, String cursor) {
        return Storage.call(() -> storage.events(f.from(), f.to(), f.vin(), f.actor(), f.action(), f.outcome(), limit,
                cursor == null || cursor.isBlank() ? null : cursor));
    }

    public Response eventsCsv(TrailFilter f) {
        return Storage.passThrough(Storage.call(() -> storage.eventsCsv(f.from(), f.to(), f.vin(), f.actor(),
                f.action(), f.outcome())), AuditApi.CSV, "audit-events.csv");
    }

    public Verification verification() {
        return Storage.call(storage::verification);
    }

    public CheckpointPage checkpoints(Integer limit, String cursor) {
        return Storage.call(() -> storage.checkpoints(limit, cursor == null || cursor.isBlank() ? null : cursor));
    }

    public Report report(int year) {
        return Storage.call(() -> storage.report(year));
    }

    public Response reportJson(int year) {
        return Storage.passThrough(Storage.call(() -> storage.reportJson(year)), MediaType.APPLICATION_JSON,
                "compliance-report-" + year + ".json");
    }

    public Response reportCsv(int year) {
        return Storage.passThrough(Storage.call(() -> storage.reportCsv(year)), AuditApi.CSV,
                "compliance-report-" + year + ".csv");
    }
}
