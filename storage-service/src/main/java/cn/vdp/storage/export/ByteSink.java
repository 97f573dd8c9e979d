package cn.vdp.storage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer in front of a file of the export. The export copies the database's UTF-8 bytes straight into
 * its files; going through Strings and a Writer would decode and re-encode every byte.
 */
final class ByteSink {

    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;

    ByteSink(OutputStream out) {
        this.out = out;
    }

    ByteSink write(byte[] bytes, int from, int to) throws IOException {
        int length = to - from;
        if (length > buffer.length - position) {
            flush();
            if (length > buffer.length) {
                out.write(bytes, from, length);
                return this;
            }
        }
        System.arraycopy(bytes, from, buffer, position, length);
        position += length;
        return this;
    }

    ByteSink write(byte[] bytes) throws IOException {
        return write(bytes, 0, bytes.length);
    }

    ByteSink write(byte b) throws IOException {
        if (position == buffer.length) {
            flush();
        }
        buffer[position++] = b;
        return this;
    }

    /** Text of US-ASCII characters only (names, numbers, markup this service writes itself). */
    ByteSink ascii(String text) throws IOException {
        int length = text.length();
        if (length > buffer.length - position) {
            return write(text.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < length; i++) {
            buffer[position++] = (byte) text.charAt(i);
        }
        return this;
    }

    ByteSink utf8(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A PostgreSQL timestamptz text in a UTC session ("2026-11-21 08:00:00.123456+00") as ISO-8601
     * ("2026-11-21T08:00:00.123456Z"): the export writes millions of them, so no parsing and formatting.
     */
    ByteSink isoTime(byte[] row, int from, int to) throws IOException {
        if (to - from < 22 || row[from + 10] != ' ' || row[to - 3] != '+' || row[to - 2] != '0' || row[to - 1] != '0') {
            throw new IllegalStateException("not a UTC timestamptz text (the session time zone must be UTC)");
        }
        write(row, from, from + 10).write((byte) 'T').write(row, from + 11, to - 3);
        return write((byte) 'Z');
    }

    void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }
}
