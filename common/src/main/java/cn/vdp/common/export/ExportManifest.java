package cn.vdp.common.export;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What an owner's data export holds: each file's name, size and SHA-256, for whom and when it was made, and which
 * key signed it. The exact bytes of {@code manifest.json} are signed ({@code manifest.sig}, base64 Ed25519), so
 * anyone with the platform's public key can prove that no file was altered.
 */
@JsonPropertyOrder({ "format", "exportId", "subject", "createdAt", "vins", "files", "keyId", "algorithm" })
@Schema(description = "The signed table of contents of a data export")
public record ExportManifest(String format, String exportId, String subject, Instant createdAt, List<String> vins,
        List<FileEntry> files, String keyId, String algorithm) {

    public static final String FORMAT = "vdp-export-manifest/1";
    public static final String FILE_NAME = "manifest.json";
    public static final String SIGNATURE_FILE_NAME = "manifest.sig";

    /** Pretty-printed so a person can read it; the signature covers whatever bytes were written. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One file of the export as it was written (uncompressed). */
    @Schema(description = "One file of the export: its size and SHA-256 (hex) as written")
    public record FileEntry(String name, long bytes, String sha256) {
    }

    public static ExportManifest of(String exportId, String subject, Instant createdAt, List<String> vins,
            List<FileEntry> files, String keyId) {
        return new ExportManifest(FORMAT, exportId, subject, createdAt, List.copyOf(vins), List.copyOf(files), keyId,
                Ed25519Keys.ALGORITHM);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("manifest cannot be written", e);
        }
    }

    /** Reads a manifest and checks its shape; any other content is not a manifest of this platform. */
    public static ExportManifest parse(byte[] json) {
        ExportManifest manifest;
        try {
            manifest = JSON.readValue(json, ExportManifest.class);
        } catch (IOException e) {
            throw new MalformedExportException(FILE_NAME + " is not a JSON export manifest");
        }
        if (manifest == null || !FORMAT.equals(manifest.format())) {
            throw new MalformedExportException(FILE_NAME + " is not a '" + FORMAT + "' manifest");
        }
        if (manifest.files() == null || manifest.keyId() == null || manifest.exportId() == null) {
            throw new MalformedExportException(FILE_NAME + " lacks files, keyId or exportId");
        }
        Set<String> names = new HashSet<>();
        for (FileEntry file : manifest.files()) {
            if (file == null || file.name() == null || file.sha256() == null || !names.add(file.name())) {
                throw new MalformedExportException(FILE_NAME + " lists a file without name or hash, or twice");
            }
        }
        return manifest;
    }
}
