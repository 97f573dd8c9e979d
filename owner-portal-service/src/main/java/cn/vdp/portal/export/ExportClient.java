package cn.vdp.portal.export;

import java.io.InputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.vdp.portal.export.ExportApi.SigningKey;
import cn.vdp.common.export.VerificationReport;
import cn.vdp.portal.storage.Storage;
import cn.vdp.portal.web.PortalTime;

/**
 * Downloads and verifications through storage-service. A download is passed from storage-service to the browser
 * piece by piece: at no time does the portal hold more of it than one buffer.
 */
@ApplicationScoped
public class ExportClient {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(PortalTime.ZONE);

    @Inject
    @RestClient
    ExportRestClient storage;

    @Inject
    @RestClient
    ServiceExportRestClient serviceStorage;

    @Inject
    Clock clock;

    /**
     * The signed-in owner's export (one vehicle, or all when vin is null) as an answer that streams it. Problems
     * (a foreign VIN, storage unreachable) surface here, before the answer to the browser has begun.
     */
    public Response download(String vin) {
        String checked = vin == null || vin.isBlank() ? null : Storage.vin(vin);
        InputStream body = Storage.call(() -> storage.mine(checked));
        return Storage.passThrough(body, ExportApi.ZIP, "vdp-export-" + FILE_TIME.format(clock.instant()) + ".zip");
    }

    public SigningKey signingKey() {
        return Storage.call(serviceStorage::signingKey);
    }

    public VerificationReport verify(InputStream zip) {
        return Storage.call(() -> serviceStorage.verify(zip));
    }
}
