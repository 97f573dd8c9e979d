package cn.vdp.common.export;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import cn.vdp.common.export.ExportManifest.FileEntry;
import cn.vdp.common.export.VerificationReport.FileCheck;
import cn.vdp.common.export.VerificationReport.Verdict;

/**
 * Checks a downloaded export: every file against the hash its manifest promises, and the manifest against its
 * Ed25519 signature, with public keys the caller trusts. Usable offline (the portal, a command line) with nothing
 * but the platform's public key.
 *
 * <p>The zip is read through its central directory, as unzip tools do, so what is checked is what a person
 * extracts. Content is streamed through SHA-256, never held; a limit on uncompressed bytes stops zip bombs.
 */
public final class ManifestVerifier {

    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final int MAX_SIGNATURE_BYTES = 1 << 10;

    private final Map<String, PublicKey> trustedKeys;
    private final long maxContentBytes;

    /** @param trustedKeys public keys whose signatures count, by key id (see {@link Ed25519Keys#keyId}) */
    public ManifestVerifier(Map<String, PublicKey> trustedKeys, long maxContentBytes) {
        this.trustedKeys = Map.copyOf(trustedKeys);
        this.maxContentBytes = maxContentBytes;
    }

    public static ManifestVerifier trusting(PublicKey key, long maxContentBytes) {
        return new ManifestVerifier(Map.of(Ed25519Keys.keyId(key), key), maxContentBytes);
    }

    /** @throws MalformedExportException when the file is not a zip holding a manifest of this platform */
    public VerificationReport verify(Path zipFile) throws IOException {
        Contents contents;
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            contents = read(zip);
        } catch (ZipException e) {
            throw new MalformedExportException("not a readable zip file");
        }
        if (contents.manifest == null) {
            throw new MalformedExportException("no " + ExportManifest.FILE_NAME + ": not an export of this platform");
        }
        ExportManifest manifest = ExportManifest.parse(contents.manifest);
        return judge(manifest, contents);
    }

    private VerificationReport judge(ExportManifest manifest, Contents contents) {
        List<FileCheck> checks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FileEntry expected : manifest.files()) {
            Digest actual = contents.files.get(expected.name());
            if (actual == null) {
                missing.add(expected.name());
            }
            String actualHex = actual == null ? null : actual.sha256;
            boolean ok = actual != null && expected.sha256().equalsIgnoreCase(actual.sha256)
                    && expected.bytes() == actual.bytes;
            checks.add(new FileCheck(expected.name(), expected.sha256(), actualHex, ok));
        }
        List<String> extra = new ArrayList<>(contents.duplicates);
        contents.files.keySet().stream()
                .filter(name -> manifest.files().stream().noneMatch(f -> f.name().equals(name)))
                .forEach(extra::add);
        boolean filesOk = extra.isEmpty() && checks.stream().allMatch(FileCheck::ok);

        PublicKey key = trustedKeys.get(manifest.keyId());
        boolean signatureValid = contents.signature != null && key != null
                && Ed25519Keys.ALGORITHM.equals(manifest.algorithm())
                && Ed25519Keys.verify(key, contents.manifest, decode(contents.signature));
        Verdict verdict;
        if (!filesOk) {
            verdict = Verdict.ALTERED;
        } else if (contents.signature == null) {
            verdict = Verdict.UNSIGNED;
        } else if (key == null) {
            verdict = Verdict.UNKNOWN_KEY;
        } else {
            verdict = signatureValid ? Verdict.VALID : Verdict.ALTERED;
        }
        return new VerificationReport(verdict, signatureValid, manifest.keyId(), manifest.exportId(),
                manifest.createdAt(), checks, extra, missing);
    }

    private Contents read(ZipFile zip) throws IOException {
        Contents contents = new Contents();
        long budget = maxContentBytes;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue; // folders carry no content; some zip tools add them when re-packing
            }
            String name = entry.getName();
            if (ExportManifest.FILE_NAME.equals(name) && contents.manifest == null) {
                contents.manifest = readSmall(zip, entry, MAX_MANIFEST_BYTES);
            } else if (ExportManifest.SIGNATURE_FILE_NAME.equals(name) && contents.signature == null) {
                contents.signature = readSmall(zip, entry, MAX_SIGNATURE_BYTES);
            } else if (contents.files.containsKey(name) || ExportManifest.FILE_NAME.equals(name)
                    || ExportManifest.SIGNATURE_FILE_NAME.equals(name)) {
                contents.duplicates.add(name);
            } else {
                Digest digest = digest(zip, entry, budget);
                budget -= digest.bytes;
                contents.files.put(name, digest);
            }
        }
        return contents;
    }

    /** A file whose compressed data is damaged counts as present but unreadable (its hash is null). */
    private Digest digest(ZipFile zip, ZipEntry entry, long budget) throws IOException {
        DigestingOutputStream sink = new DigestingOutputStream(OutputStream.nullOutputStream());
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (sink.bytes() + n > budget) {
                    throw new MalformedExportException("the export holds more than " + maxContentBytes
                            + " bytes uncompressed; verify it offline with the platform's public key", true);
                }
                sink.write(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            return new Digest(sink.bytes(), null); // damaged compressed data: present, but not what was exported
        }
        return new Digest(sink.bytes(), sink.sha256Hex());
    }

    private static byte[] readSmall(ZipFile zip, ZipEntry entry, int limit) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes(limit + 1);
            if (content.length > limit) {
                throw new MalformedExportException(entry.getName() + " is larger than " + limit + " bytes");
            }
            return content;
        } catch (ZipException e) {
            throw new MalformedExportException(entry.getName() + " cannot be read from the zip");
        }
    }

    private static byte[] decode(byte[] signatureFile) {
        try {
            return Base64.getDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private record Digest(long bytes, String sha256) {
    }

    private static final class Contents {
        private byte[] manifest;
        private byte[] signature;
        private final Map<String, Digest> files = new LinkedHashMap<>();
        private final List<String> duplicates = new ArrayList<>();
    }
}
