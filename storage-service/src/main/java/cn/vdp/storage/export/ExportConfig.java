package cn.vdp.storage.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Owners' data exports: the signing key, how exports are read and packed, and the verification limits. */
@ConfigMapping(prefix = "storage.export")
public interface ExportConfig {

    /** PEM PKCS#8 Ed25519 private key that signs manifests (VDP_EXPORT_SIGNING_KEY_FILE; a Secret in Kubernetes). */
    Optional<Path> signingKeyFile();

    /**
     * Development and tests only: make a key when none is configured (kept in memory), or write one to
     * signing-key-file when that file does not exist yet. Off in prod, where a missing key stops the start.
     */
    @WithDefault("false")
    boolean generateDevelopmentKey();

    /** PEM public keys of earlier signing keys, so that exports signed before a key rotation still verify. */
    Optional<List<Path>> trustedPublicKeyFiles();

    /** Deflate level of the zip (1 = fastest; the text compresses well even so). */
    @WithDefault("1")
    int compressionLevel();

    /** A pause longer than this between two location points starts a new trip in trips.gpx. */
    @WithDefault("10m")
    Duration tripGap();

    /** Exports streaming at once; each holds a database connection while the owner downloads. */
    @WithDefault("4")
    int maxConcurrent();

    /** Longest an export may take (its read-only transaction's timeout). */
    @WithDefault("2h")
    Duration maxDuration();

    /** Largest upload the verification endpoint reads. */
    @WithDefault("64M")
    MemorySize maxVerificationUpload();

    /** Most uncompressed bytes a verification hashes (a guard against zip bombs). */
    @WithDefault("2G")
    MemorySize maxVerificationContent();
}
