package cn.vdp.portal.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The download part of the portal's API, as storage-service answers it; a verification's answer is the shared
 * {@link cn.vdp.common.export.VerificationReport}.
 */
public final class ExportApi {

    public static final String ZIP = "application/zip";

    private ExportApi() {
    }

    @Schema(description = "The platform's public key for export manifests")
    public record SigningKey(String keyId, @Schema(example = "Ed25519") String algorithm,
            @Schema(description = "SubjectPublicKeyInfo, PEM") String publicKeyPem) {
    }
}
