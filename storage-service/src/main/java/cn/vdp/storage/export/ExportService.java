package cn.vdp.storage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import cn.vdp.common.export.ExportManifest;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.vehicle.VehicleAccess;

/**
 * An owner's data export, streamed as a zip: the files from one read-only snapshot, then the manifest of their
 * hashes signed by the platform's key, then the export is registered. Never the whole export in memory: rows
 * stream from the database (COPY) and leave through the zip as they are read.
 */
@ApplicationScoped
public class ExportService {

    public static final ProblemType TOO_MANY_EXPORTS = new ProblemType("too-many-exports", 429,
            "Too many exports are running");
    private static final Logger LOG = Logger.getLogger(ExportService.class);

    @Inject
    ExportFiles files;

    @Inject
    ExportRegistry registry;

    @Inject
    SigningKey signingKey;

    @Inject
    VehicleAccess access;

    @Inject
    ExportConfig config;

    @Inject
    ExportAudit audit;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    private Semaphore running;

    @PostConstruct
    void init() {
        running = new Semaphore(config.maxConcurrent());
    }

    /** A started export: its file name, the writer of its stream, and the slot it holds until released. */
    public final class Download {
        private final UUID exportId = UUID.randomUUID();
        private final Caller owner;
        private final String vin;
        private final AtomicBoolean released = new AtomicBoolean();

        private Download(Caller owner, String vin) {
            this.owner = owner;
            this.vin = vin;
        }

        public String fileName() {
            return "vdp-export-" + clock.instant().atZone(ZoneOffset.UTC).toLocalDate() + ".zip";
        }

        public void writeTo(OutputStream response) throws IOException {
            try {
                write(response, exportId, owner, vin);
            } finally {
                release();
            }
        }

        /** Idempotent: called when the stream ends and again when the response ends (or the client leaves). */
        public void release() {
            if (released.compareAndSet(false, true)) {
                running.release();
            }
        }
    }

    /**
     * Checks everything that can fail with a proper answer before the first byte is sent: the VIN (404 unless the
     * caller owned it), capacity (429) and the audit trail (the download's events are committed first; 503).
     */
    public Download start(Caller owner, String vin) {
        if (vin != null) {
            access.requireOwnedPeriods(vin, owner);
        }
        if (!running.tryAcquire()) {
            throw new ProblemException(TOO_MANY_EXPORTS, "Too many exports are running; try again in a minute",
                    List.of(), Map.of("Retry-After", "60"));
        }
        Download download = new Download(owner, vin);
        try {
            audit.started(download.exportId, owner, vin, clock.instant());
        } catch (RuntimeException e) {
            download.release();
            throw e;
        }
        return download;
    }

    private void write(OutputStream response, UUID exportId, Caller owner, String vin) throws IOException {
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ExportZip zip = new ExportZip(response, config.compressionLevel(), createdAt);
        ExportFiles.Written written;
        try {
            written = QuarkusTransaction.requiringNew().timeout((int) config.maxDuration().toSeconds())
                    .call(() -> files.write(zip, owner, vin, createdAt));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof IOException io) {
                LOG.debugf("export %s stopped: %s", exportId, io.getMessage()); // usually the client went away
                throw io;
            }
            throw e;
        }
        ExportManifest manifest = ExportManifest.of(exportId.toString(), owner.subject(), createdAt, written.vins(),
                zip.files(), signingKey.keyId());
        byte[] json = manifest.toJson();
        registry.register(manifest, json, written.records());
        zip.unlisted(ExportManifest.FILE_NAME, json);
        zip.unlisted(ExportManifest.SIGNATURE_FILE_NAME, Base64.getEncoder().encode(signingKey.sign(json)));
        zip.finish();
        metrics.counter("storage_exports").increment();
        metrics.counter("storage_export_records").increment(written.records());
    }
}
