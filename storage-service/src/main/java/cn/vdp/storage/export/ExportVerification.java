package cn.vdp.storage.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.vdp.common.export.ManifestVerifier;
import cn.vdp.common.export.MalformedExportException;
import cn.vdp.common.export.VerificationReport;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.common.problem.ProblemTypes;

/**
 * Checks an uploaded export with the platform's keys. The upload is spooled to a private temporary file (deleted
 * afterwards) because a zip is read through its central directory at its end, as unzip tools read it.
 */
@ApplicationScoped
public class ExportVerification {

    public static final ProblemType MALFORMED_EXPORT = new ProblemType("malformed-export", 422,
            "Not a readable export");

    @Inject
    SigningKey signingKey;

    @Inject
    ExportConfig config;

    public VerificationReport verify(InputStream upload) throws IOException {
        Path spooled = Files.createTempFile("vdp-verify-", ".zip");
        try {
            spool(upload, spooled);
            return new ManifestVerifier(signingKey.trustedKeys(), config.maxVerificationContent().asLongValue())
                    .verify(spooled);
        } catch (MalformedExportException e) {
            throw new ProblemException(e.tooLarge() ? ProblemTypes.PAYLOAD_TOO_LARGE : MALFORMED_EXPORT,
                    e.getMessage());
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private void spool(InputStream upload, Path file) throws IOException {
        long limit = config.maxVerificationUpload().asLongValue();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = upload.read(buffer); n >= 0; n = upload.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw new ProblemException(ProblemTypes.PAYLOAD_TOO_LARGE, "An export to verify here may have at most "
                            + limit + " bytes; larger ones verify offline with the public key");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new ProblemException(MALFORMED_EXPORT, "The body is empty: send the export's zip file");
        }
    }
}
