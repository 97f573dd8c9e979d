package cn.vdp.common.export;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of checking an export against its manifest and the platform's key.
 *
 * <p>Verdicts: ALTERED when a listed file differs, is missing or unreadable, a file was added, or the signature does
 * not match the manifest; otherwise UNSIGNED when there is no {@code manifest.sig}, UNKNOWN_KEY when the manifest
 * names a key this verifier does not trust, and VALID when every file matches and the trusted key signed it.
 */
@Schema(description = "Result of checking an export: each file against the manifest, the manifest against the signature")
public record VerificationReport(Verdict verdict, boolean signatureValid, String keyId, String exportId,
        Instant createdAt, List<FileCheck> files, List<String> extraFiles, List<String> missingFiles) {

    public enum Verdict {
        VALID, ALTERED, UNSIGNED, UNKNOWN_KEY
    }

    @Schema(description = "One listed file: the hash the manifest promises and the hash of what was uploaded (null when missing or unreadable)")
    public record FileCheck(String name, String expectedSha256, String actualSha256, boolean ok) {
    }

    /** The files that did not match, in manifest order: what a page says was altered. */
    public List<String> alteredFiles() {
        return files.stream().filter(f -> !f.ok()).map(FileCheck::name).toList();
    }
}
