package cn.vdp.portal.export;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The download and verification part of the portal's API, as storage-service answers it. */
public final class ExportApi {

    public static final String ZIP = "application/zip";

    private ExportApi() {
    }

    @Schema(description = "The platform's public key for export manifests")
    public record SigningKey(String keyId, @Schema(example = "Ed25519") String algorithm,
            @Schema(description = "SubjectPublicKeyInfo, PEM") String publicKeyPem) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One file of an export compared with its manifest entry")
    public record FileCheck(String name, String expectedSha256, String actualSha256, boolean ok) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The outcome of checking an export against its signed manifest")
    public record Verification(
            @Schema(description = "VALID, ALTERED, UNSIGNED or UNKNOWN_KEY") String verdict,
            boolean signatureValid, String keyId, String exportId, Instant createdAt, List<FileCheck> files,
            @Schema(description = "Files in the ZIP that the manifest does not list") List<String> extraFiles,
            @Schema(description = "Files the manifest lists that the ZIP lacks") List<String> missingFiles) {
    }
}
