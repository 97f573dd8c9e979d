package cn.vdp.storage.audit;

import java.security.PublicKey;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.storage.export.SigningKey;

/**
 * Signs checkpoints with the platform key, the very key (bean) that signs export manifests, and checks earlier
 * ones against it and the keys it still trusts after a rotation. So a checkpoint verifies with the public key that
 * {@code GET /api/v1/exports/signing-key} publishes, and its key id is computed the same way.
 */
@ApplicationScoped
public class CheckpointSigner {

    @Inject
    SigningKey platformKey;

    /** The id of the key signing now (a regulator matches it with the published public key). */
    public String keyId() {
        return platformKey.keyId();
    }

    /** The JCA name of the signature algorithm. */
    public String algorithm() {
        return Ed25519Keys.ALGORITHM;
    }

    public PublicKey publicKey() {
        return platformKey.publicKey();
    }

    public byte[] sign(byte[] data) {
        return platformKey.sign(data);
    }

    /** Whether the key {@code keyId} made this signature; empty when that key is not known to this service. */
    public Optional<Boolean> verify(String keyId, byte[] data, byte[] signature) {
        PublicKey key = platformKey.trustedKeys().get(keyId);
        return key == null ? Optional.empty() : Optional.of(Ed25519Keys.verify(key, data, signature));
    }
}
