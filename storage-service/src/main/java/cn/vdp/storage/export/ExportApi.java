package cn.vdp.storage.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The export REST contract (the verification report is the shared {@code cn.vdp.common.export.VerificationReport}). */
public final class ExportApi {

    private ExportApi() {
    }

    @Schema(description = "The public half of the key that signs export manifests")
    public record SigningKeyView(
            @Schema(description = "First 16 hex digits of the SHA-256 of the key's DER encoding") String keyId,
            @Schema(example = "Ed25519") String algorithm,
            @Schema(description = "SubjectPublicKeyInfo, PEM") String publicKeyPem) {
    }
}
