package cn.vdp.portal.history;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.vdp.portal.history.TelemetryApi.RecordPage;
import cn.vdp.portal.storage.Storage;

/** Pages of the signed-in person's telemetry, newest first, inside their ownership periods only. */
@ApplicationScoped
public class TelemetryClient {

    @Inject
    @RestClient
    TelemetryRestClient storage;

    public RecordPage page(String vin, String from, String to, List<String> signals, String limit, String cursor) {
        String checked = Storage.vin(vin);
        return Storage.call(() -> storage.records(checked, from, to, signals, limit, cursor));
    }
}
