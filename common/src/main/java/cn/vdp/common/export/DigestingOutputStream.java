package cn.vdp.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes on while counting them and hashing them with SHA-256: a file's manifest entry, computed as it is written. */
public class DigestingOutputStream extends OutputStream {

    private final OutputStream target;
    private final MessageDigest sha256 = Ed25519Keys.sha256();
    private long bytes;
    private String hex;

    public DigestingOutputStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        sha256.update((byte) b);
        bytes++;
        target.write(b);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        sha256.update(data, offset, length);
        bytes += length;
        target.write(data, offset, length);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }

    public long bytes() {
        return bytes;
    }

    /** The SHA-256 of everything written, in lower-case hex; ends the hashing. */
    public String sha256Hex() {
        if (hex == null) {
            hex = HexFormat.of().formatHex(sha256.digest());
        }
        return hex;
    }
}
