package cn.vdp.portal.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

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

    static final int BUFFER = 64 * 1024;
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
        StreamingOutput stream = output -> copy(body, output);
        String name = "vdp-export-" + FILE_TIME.format(clock.instant()) + ".zip";
        return Response.ok(stream, ExportApi.ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .build();
    }

    public SigningKey signingKey() {
        return Storage.call(serviceStorage::signingKey);
    }

    public VerificationReport verify(InputStream zip) {
        return Storage.call(() -> serviceStorage.verify(zip));
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        try (from) {
            byte[] buffer = new byte[BUFFER];
            for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                to.write(buffer, 0, read);
                // Each piece goes out as it arrives, so the browser sees progress and nothing accumulates here.
                to.flush();
            }
        }
    }
}
