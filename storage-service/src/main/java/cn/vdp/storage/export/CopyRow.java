package cn.vdp.storage.export;

import java.io.ByteArrayOutputStream;

/**
 * One row of COPY ... TO STDOUT in text format: tab-separated fields ending in a newline, \N for NULL, and
 * backslash escapes inside values. Gives the fields' byte ranges without copying them.
 */
final class CopyRow {

    private static final int MAX_FIELDS = 8;

    private byte[] bytes;
    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private int fields;

    CopyRow read(byte[] row) {
        bytes = row;
        fields = 0;
        int start = 0;
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        for (int i = 0; i < end; i++) {
            if (row[i] == '\t') {
                add(start, i);
                start = i + 1;
            }
        }
        add(start, end);
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean isNull(int field) {
        return ends[field] - starts[field] == 2 && bytes[starts[field]] == '\\' && bytes[starts[field] + 1] == 'N';
    }

    /** Whether the field holds a COPY escape (only JSON text with a backslash or control character does). */
    boolean escaped(int field) {
        for (int i = starts[field]; i < ends[field]; i++) {
            if (bytes[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The field with COPY's escapes undone (the rare path: most fields hold none). */
    byte[] unescaped(int field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ends[field] - starts[field]);
        for (int i = starts[field]; i < ends[field]; i++) {
            byte b = bytes[i];
            if (b != '\\' || i + 1 == ends[field]) {
                out.write(b);
                continue;
            }
            byte next = bytes[++i];
            out.write(switch (next) {
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> 0x0B;
                default -> next; // \\ and any other escaped character stand for themselves
            });
        }
        return out.toByteArray();
    }

    private void add(int start, int end) {
        if (fields == MAX_FIELDS) {
            throw new IllegalStateException("more COPY fields than expected");
        }
        starts[fields] = start;
        ends[fields] = end;
        fields++;
    }
}
