package cn.vdp.storage.audit;

import java.security.PublicKey;
import java.util.Optional;

/** Signs checkpoints with the platform key and checks earlier ones. */
public interface CheckpointSigner {

    /** The id of the key signing now (a regulator matches it with the published public key). */
    String keyId();

    /** The JCA name of the signature algorithm, e.g. Ed25519. */
    String algorithm();

    PublicKey publicKey();

    byte[] sign(byte[] data);

    /** Whether the key {@code keyId} made this signature; empty when that key is not known to this service. */
    Optional<Boolean> verify(String keyId, byte[] data, byte[] signature);
}
