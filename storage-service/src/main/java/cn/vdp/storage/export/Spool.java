package cn.vdp.storage.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.vdp.common.export.DigestingOutputStream;

/**
 * A file of the export written while another one streams: deflated straight into a private temporary file (a
 * tenth of its size), hashed as it is written, then copied into the zip as it is and deleted.
 */
final class Spool implements AutoCloseable {

    private final Path file;
    private final OutputStream fileOut;
    private final DeflatingStream deflated;
    private final DigestingOutputStream content;

    Spool(int level) throws IOException {
        file = Files.createTempFile("vdp-export-", ".deflate");
        try {
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        deflated = new DeflatingStream(fileOut, level);
        content = new DigestingOutputStream(deflated);
    }

    /** Where the file's uncompressed content goes. */
    OutputStream content() {
        return content;
    }

    /** Ends the content; the compressed bytes can then be read. */
    void finish() throws IOException {
        deflated.finish();
        fileOut.close();
    }

    InputStream compressed() throws IOException {
        return Files.newInputStream(file);
    }

    DeflatingStream deflated() {
        return deflated;
    }

    DigestingOutputStream digest() {
        return content;
    }

    @Override
    public void close() throws IOException {
        deflated.release();
        try {
            fileOut.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
