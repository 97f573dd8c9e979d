package cn.vdp.storage.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.vdp.common.export.Ed25519Keys;

class SigningKeyLoaderTest {

    /** openssl pkey -pubin -in test-only-ed25519-public.pem -outform DER | sha256sum | cut -c1-16 */
    private static final String FIXTURE_KEY_ID = "436b46d346c68798";

    @TempDir
    Path folder;

    @Test
    void withoutAKeyTheServiceRefusesToStartOutsideDevelopment() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> SigningKeyLoader.load(Optional.empty(), false));
        assertTrue(none.getMessage().contains("VDP_EXPORT_SIGNING_KEY_FILE"), none.getMessage());
        Path missing = folder.resolve("absent.pem");
        assertThrows(IllegalStateException.class, () -> SigningKeyLoader.load(Optional.of(missing), false));
        assertFalse(Files.exists(missing), "nothing generated in production");
    }

    @Test
    void readsAKeyMadeByOpensslAndDerivesItsPublicKey() throws Exception {
        Path file = copy("test-only-ed25519-private.pem");
        KeyPair keys = SigningKeyLoader.load(Optional.of(file), false);
        assertEquals(FIXTURE_KEY_ID, Ed25519Keys.keyId(keys.getPublic()), "the key id anyone computes with openssl");
        assertArrayEquals(Ed25519Keys.publicKeyFromPem(fixture("test-only-ed25519-public.pem")).getEncoded(),
                keys.getPublic().getEncoded());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update("manifest".getBytes(StandardCharsets.UTF_8));
        assertTrue(Ed25519Keys.verify(keys.getPublic(), "manifest".getBytes(StandardCharsets.UTF_8), signer.sign()));
    }

    @Test
    void aDevelopmentKeyIsWrittenOnceAndKeptAcrossRestarts() throws Exception {
        Path file = folder.resolve("keys/export-signing-key.pem");
        KeyPair first = SigningKeyLoader.load(Optional.of(file), true);
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        KeyPair second = SigningKeyLoader.load(Optional.of(file), true);
        assertEquals(Ed25519Keys.keyId(first.getPublic()), Ed25519Keys.keyId(second.getPublic()),
                "a restart signs with the same key, so earlier exports still verify");
    }

    @Test
    void aFileThatIsNotAnEd25519PrivateKeyStopsTheStart() throws Exception {
        Path garbage = folder.resolve("garbage.pem");
        Files.writeString(garbage, "not a key");
        assertThrows(IllegalStateException.class, () -> SigningKeyLoader.load(Optional.of(garbage), true));

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Path rsaFile = folder.resolve("rsa.pem");
        Files.writeString(rsaFile, Ed25519Keys.pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded()));
        assertThrows(IllegalStateException.class, () -> SigningKeyLoader.load(Optional.of(rsaFile), true));
    }

    private Path copy(String name) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, fixture(name));
        return file;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SigningKeyLoaderTest.class.getResourceAsStream("/export/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
