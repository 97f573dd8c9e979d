package cn.vdp.common.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.vdp.common.export.VerificationReport.Verdict;

/** The offline check anyone can run with the platform's public key, on exports built here byte by byte. */
class ManifestVerifierTest {

    @TempDir
    Path folder;

    private KeyPair platform;
    private Map<String, byte[]> files;

    @BeforeEach
    void export() throws GeneralSecurityException {
        platform = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        files = new LinkedHashMap<>();
        files.put("telemetry.jsonl", "{\"vin\":\"LRW\",\"seq\":1}\n".getBytes(StandardCharsets.UTF_8));
        files.put("telemetry.csv", "vin,seq\nLRW,1\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUntouchedSignedExportIsValid() throws Exception {
        VerificationReport report = verify(signed(files, platform, platform));
        assertEquals(Verdict.VALID, report.verdict());
        assertTrue(report.signatureValid());
        assertEquals(Ed25519Keys.keyId(platform.getPublic()), report.keyId());
        assertEquals("e-1", report.exportId());
        assertTrue(report.files().stream().allMatch(VerificationReport.FileCheck::ok));
        assertEquals(List.of(), report.alteredFiles());
    }

    @Test
    void oneChangedByteNamesTheFile() throws Exception {
        Map<String, byte[]> zip = signed(files, platform, platform);
        zip.get("telemetry.csv")[9] ^= 1;
        VerificationReport report = verify(zip);
        assertEquals(Verdict.ALTERED, report.verdict());
        assertTrue(report.signatureValid(), "the manifest itself is genuine");
        assertEquals(List.of("telemetry.csv"), report.alteredFiles());
    }

    @Test
    void missingAndAddedFilesAreAlterations() throws Exception {
        Map<String, byte[]> zip = signed(files, platform, platform);
        zip.remove("telemetry.jsonl");
        zip.put("extra.txt", new byte[] { 1 });
        VerificationReport report = verify(zip);
        assertEquals(Verdict.ALTERED, report.verdict());
        assertEquals(List.of("telemetry.jsonl"), report.missingFiles());
        assertEquals(List.of("extra.txt"), report.extraFiles());
        assertNull(report.files().get(0).actualSha256());
    }

    @Test
    void unsignedAndUnknownKeyAndForgedSignature() throws Exception {
        Map<String, byte[]> unsigned = signed(files, platform, platform);
        unsigned.remove(ExportManifest.SIGNATURE_FILE_NAME);
        assertEquals(Verdict.UNSIGNED, verify(unsigned).verdict());

        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VerificationReport unknown = verify(signed(files, stranger, stranger));
        assertEquals(Verdict.UNKNOWN_KEY, unknown.verdict());
        assertFalse(unknown.signatureValid());

        VerificationReport forged = verify(signed(files, platform, stranger));
        assertEquals(Verdict.ALTERED, forged.verdict(), "names the platform's key but another key signed it");
        assertFalse(forged.signatureValid());
    }

    @Test
    void anythingElseIsNotAnExport() throws Exception {
        Path text = folder.resolve("not.zip");
        Files.writeString(text, "hello");
        ManifestVerifier verifier = ManifestVerifier.trusting(platform.getPublic(), 1 << 20);
        assertThrows(MalformedExportException.class, () -> verifier.verify(text));
        assertThrows(MalformedExportException.class, () -> verifier.verify(write(files)), "no manifest");
        Map<String, byte[]> wrongFormat = new LinkedHashMap<>(files);
        wrongFormat.put(ExportManifest.FILE_NAME, "{\"format\":\"x/1\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(MalformedExportException.class, () -> verifier.verify(write(wrongFormat)));
    }

    @Test
    void contentBeyondTheLimitIsRefusedAsTooLarge() throws Exception {
        files.put("big.bin", new byte[4096]);
        Path zip = write(signed(files, platform, platform));
        MalformedExportException e = assertThrows(MalformedExportException.class,
                () -> ManifestVerifier.trusting(platform.getPublic(), 1024).verify(zip));
        assertTrue(e.tooLarge());
    }

    private VerificationReport verify(Map<String, byte[]> zip) throws IOException {
        return ManifestVerifier.trusting(platform.getPublic(), 1 << 20).verify(write(zip));
    }

    /** The files, a manifest naming {@code named}'s key id, signed by {@code signer}. */
    private static Map<String, byte[]> signed(Map<String, byte[]> content, KeyPair named, KeyPair signer)
            throws GeneralSecurityException {
        List<ExportManifest.FileEntry> entries = new ArrayList<>();
        content.forEach((name, bytes) -> entries.add(new ExportManifest.FileEntry(name, bytes.length,
                Ed25519Keys.sha256Hex(bytes))));
        byte[] manifest = ExportManifest.of("e-1", "alice", Instant.parse("2026-11-21T08:00:00Z"), List.of("LRW"),
                entries, Ed25519Keys.keyId(named.getPublic())).toJson();
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(signer.getPrivate());
        signature.update(manifest);
        Map<String, byte[]> zip = new LinkedHashMap<>();
        content.forEach((name, bytes) -> zip.put(name, bytes.clone()));
        zip.put(ExportManifest.FILE_NAME, manifest);
        zip.put(ExportManifest.SIGNATURE_FILE_NAME, Base64.getEncoder().encode(signature.sign()));
        return zip;
    }

    private Path write(Map<String, byte[]> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : content.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        Path file = Files.createTempFile(folder, "export", ".zip");
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
