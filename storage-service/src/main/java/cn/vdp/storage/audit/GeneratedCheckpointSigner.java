package cn.vdp.storage.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;

/**
 * Interim signer until the platform's Ed25519 key (branch exports) is merged: a key generated at start and kept in
 * memory only, so checkpoints signed before a restart are reported as signed by an unknown key. Replaced by a
 * signer over the platform key bean; nothing else changes.
 */
@ApplicationScoped
@DefaultBean
public class GeneratedCheckpointSigner implements CheckpointSigner {

    private static final Logger LOG = Logger.getLogger(GeneratedCheckpointSigner.class);
    private static final String ALGORITHM = "Ed25519";

    private final KeyPair keys;
    private final String keyId;

    public GeneratedCheckpointSigner() throws GeneralSecurityException {
        keys = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        byte[] digest = AuditCanonical.sha256().digest(keys.getPublic().getEncoded());
        keyId = "generated-" + AuditCanonical.hex(digest).substring(0, 16);
        LOG.warnf("audit checkpoints are signed with key %s, generated at start and not kept", keyId);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    @Override
    public Optional<Boolean> verify(String id, byte[] data, byte[] signature) {
        if (!keyId.equals(id)) {
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(data);
            return Optional.of(verifier.verify(signature));
        } catch (GeneralSecurityException e) {
            return Optional.of(false);
        }
    }
}
