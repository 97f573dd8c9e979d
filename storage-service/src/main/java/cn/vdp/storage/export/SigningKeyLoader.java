package cn.vdp.storage.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

import org.jboss.logging.Logger;

import cn.vdp.common.export.Ed25519Keys;

/**
 * Loads the manifest signing key from its PEM file, or makes a development key where that is allowed. Kept apart
 * from the bean so the start-up rules (prod refuses to start without a key) are testable without a service.
 */
final class SigningKeyLoader {

    private static final Logger LOG = Logger.getLogger(SigningKeyLoader.class);
    private static final String PRIVATE_LABEL = "PRIVATE KEY";

    private SigningKeyLoader() {
    }

    static KeyPair load(Optional<Path> file, boolean generateDevelopmentKey) {
        if (file.isPresent() && Files.exists(file.get())) {
            return read(file.get());
        }
        if (!generateDevelopmentKey) {
            throw new IllegalStateException(file.map(f -> "the export signing key file " + f + " does not exist")
                    .orElse("no export signing key is configured") + ": set VDP_EXPORT_SIGNING_KEY_FILE "
                    + "(storage.export.signing-key-file) to a PEM PKCS#8 Ed25519 private key");
        }
        KeyPair generated = generate();
        if (file.isPresent()) {
            write(file.get(), generated.getPrivate());
            LOG.warnf("generated a development export signing key in %s (never use it in production)", file.get());
        } else {
            LOG.warn("using a development export signing key held in memory: exports of this run will not verify "
                    + "after a restart (set VDP_EXPORT_SIGNING_KEY_FILE to keep one)");
        }
        return generated;
    }

    static KeyPair read(Path file) {
        try {
            byte[] der = Ed25519Keys.pemBody(Files.readString(file, StandardCharsets.US_ASCII), PRIVATE_LABEL);
            PrivateKey key = KeyFactory.getInstance(Ed25519Keys.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return withPublicKey(key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the export signing key " + file
                    + " is not a readable PEM PKCS#8 Ed25519 private key", e);
        }
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java runtime", e);
        }
    }

    static String toPem(PrivateKey key) {
        return Ed25519Keys.pem(PRIVATE_LABEL, key.getEncoded());
    }

    /**
     * Java 17 cannot derive an EdDSA public key from a private one directly, but its key pair generator takes the
     * 32 private-key bytes from the random source it is given, and computes the matching public key.
     */
    private static KeyPair withPublicKey(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
            throw new GeneralSecurityException("not an Ed25519 private key");
        }
        byte[] seed = edKey.getBytes().get();
        KeyPairGenerator generator = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
        KeyPair derived = generator.generateKeyPair();
        Arrays.fill(seed, (byte) 0);
        return new KeyPair(derived.getPublic(), key);
    }

    private static void write(Path file, PrivateKey key) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, toPem(key), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the folder's permissions apply
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the development signing key to " + file, e);
        }
    }

    /** A "random" source that returns the given bytes once. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] into) {
            if (into.length != bytes.length) {
                throw new IllegalStateException("expected a request for " + bytes.length + " bytes");
            }
            System.arraycopy(bytes, 0, into, 0, bytes.length);
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
