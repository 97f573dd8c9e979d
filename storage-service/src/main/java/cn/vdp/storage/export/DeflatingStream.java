package cn.vdp.storage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates what is written (raw deflate, as a zip entry holds it) into a target, keeping what a zip entry
 * records: the CRC-32 and size of the uncompressed bytes and the size of the compressed ones.
 */
final class DeflatingStream extends OutputStream {

    private final OutputStream target;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private long size;
    private long compressedSize;
    private boolean finished;

    DeflatingStream(OutputStream target, int level) {
        this.target = target;
        this.deflater = new Deflater(level, true);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        crc.update(data, offset, length);
        size += length;
        deflater.setInput(data, offset, length);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    /** Ends the compressed data (the target stays open). */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        deflater.finish();
        while (!deflater.finished()) {
            drain();
        }
        deflater.end();
    }

    /** Frees the deflater without writing more (the output is being thrown away). */
    void release() {
        if (!finished) {
            finished = true;
            deflater.end();
        }
    }

    /** Finishing, not closing: the target is the zip or a spool and goes on. */
    @Override
    public void close() throws IOException {
        finish();
    }

    long crc() {
        return crc.getValue();
    }

    long size() {
        return size;
    }

    long compressedSize() {
        return compressedSize;
    }

    private void drain() throws IOException {
        int n = deflater.deflate(buffer);
        if (n > 0) {
            target.write(buffer, 0, n);
            compressedSize += n;
        }
    }
}
