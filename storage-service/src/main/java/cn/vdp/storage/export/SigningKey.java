package cn.vdp.storage.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import cn.vdp.common.export.Ed25519Keys;

/**
 * The platform's manifest signing key, loaded at start so that a missing or broken key stops the service
 * instead of failing the first export. The private key never leaves this bean.
 */
@ApplicationScoped
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class);

    @Inject
    ExportConfig config;

    private volatile KeyPair keys;
    private volatile String keyId;
    private volatile Map<String, PublicKey> trusted;

    void onStart(@Observes StartupEvent event) {
        keys();
        LOG.infof("export manifests are signed with Ed25519 key %s", keyId);
    }

    public String keyId() {
        keys();
        return keyId;
    }

    public PublicKey publicKey() {
        return keys().getPublic();
    }

    /** The current key and every earlier key configured as trusted, by key id. */
    public Map<String, PublicKey> trustedKeys() {
        keys();
        return trusted;
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signer.initSign(keys().getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the export signing key cannot sign", e);
        }
    }

    private synchronized KeyPair keys() {
        if (keys == null) {
            KeyPair loaded = SigningKeyLoader.load(config.signingKeyFile(), config.generateDevelopmentKey());
            Map<String, PublicKey> byId = new LinkedHashMap<>();
            byId.put(Ed25519Keys.keyId(loaded.getPublic()), loaded.getPublic());
            for (Path file : config.trustedPublicKeyFiles().orElse(List.of())) {
                PublicKey earlier = readPublic(file);
                byId.put(Ed25519Keys.keyId(earlier), earlier);
            }
            keyId = Ed25519Keys.keyId(loaded.getPublic());
            trusted = Map.copyOf(byId);
            keys = loaded;
        }
        return keys;
    }

    private static PublicKey readPublic(Path file) {
        try {
            return Ed25519Keys.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("storage.export.trusted-public-key-files: " + file
                    + " is not a readable PEM Ed25519 public key", e);
        }
    }
}
