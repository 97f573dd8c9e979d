package cn.vdp.storage.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.export.ExportManifest.FileEntry;

/** The export's own zip writer, read back by both of Java's zip readers (central directory and streaming). */
class ExportZipTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T08:30:42Z");

    @TempDir
    Path folder;

    @Test
    void streamedSpooledAndUnlistedFilesReadBackExactly() throws IOException {
        byte[] streamed = content(200_000, 1);
        byte[] spooled = content(150_000, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExportZip zip = new ExportZip(bytes, 1, CREATED);
        List<FileEntry> listed = write(zip, streamed, spooled);

        assertEquals(List.of(new FileEntry("a.jsonl", streamed.length, Ed25519Keys.sha256Hex(streamed)),
                new FileEntry("b.csv", spooled.length, Ed25519Keys.sha256Hex(spooled))), listed,
                "listed with the size and hash of their uncompressed bytes; the unlisted file is not");
        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("a.jsonl", streamed);
        expected.put("b.csv", spooled);
        expected.put("manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertZipFile(bytes.toByteArray(), expected);

        Map<String, byte[]> streamedRead = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                streamedRead.put(entry.getName(), in.readAllBytes());
                assertEquals(CREATED.toEpochMilli() / 2000, entry.getTimeLocal().atZone(java.time.ZoneOffset.UTC)
                        .toInstant().toEpochMilli() / 2000, "the export's time, to the two seconds zip keeps");
            }
        }
        assertEquals(expected.keySet(), streamedRead.keySet());
        expected.forEach((name, content) -> assertArrayEquals(content, streamedRead.get(name), name));
    }

    @Test
    void sizesAndOffsetsPastTheLimitGetZip64Records() throws IOException {
        byte[] streamed = content(5_000, 3);
        byte[] spooled = content(7_000, 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The same records a 4 GiB file gets, from 1,000 bytes on.
        write(new ExportZip(bytes, 1, CREATED, 1_000), streamed, spooled);
        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("a.jsonl", streamed);
        expected.put("b.csv", spooled);
        expected.put("manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertZipFile(bytes.toByteArray(), expected);
    }

    private static List<FileEntry> write(ExportZip zip, byte[] streamed, byte[] spooled) throws IOException {
        try (Spool spool = new Spool(1)) {
            try (OutputStream file = zip.file("a.jsonl")) {
                spool.content().write(spooled, 0, spooled.length / 2);
                file.write(streamed);
                spool.content().write(spooled, spooled.length / 2, spooled.length - spooled.length / 2);
            }
            zip.file("b.csv", spool);
        }
        zip.unlisted("manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        zip.finish();
        return zip.files();
    }

    /** Read through the central directory, as unzip tools and the verifier do. */
    private void assertZipFile(byte[] zip, Map<String, byte[]> expected) throws IOException {
        Path file = folder.resolve("export-" + System.nanoTime() + ".zip");
        Files.write(file, zip);
        try (ZipFile read = new ZipFile(file.toFile())) {
            assertEquals(List.copyOf(expected.keySet()), read.stream().map(ZipEntry::getName).toList());
            for (Map.Entry<String, byte[]> entry : expected.entrySet()) {
                ZipEntry stored = read.getEntry(entry.getKey());
                assertEquals(entry.getValue().length, stored.getSize());
                try (var in = read.getInputStream(stored)) {
                    assertArrayEquals(entry.getValue(), in.readAllBytes(), entry.getKey());
                }
            }
        }
    }

    /** Text-like content that compresses as exports do, but not to nothing. */
    private static byte[] content(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(size + 64);
        while (text.length() < size) {
            text.append("LRW,").append(random.nextInt(100_000)).append(",2026-11-21T08:00:00Z,")
                    .append(random.nextDouble()).append(",°C\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }
}
