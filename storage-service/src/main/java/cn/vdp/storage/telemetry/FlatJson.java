package cn.vdp.storage.telemetry;

import java.util.Arrays;

/**
 * Cuts PostgreSQL's text of a flat JSON object ({"name": value, ...}, as jsonb prints it) into its members, on
 * the UTF-8 bytes, without building anything. Stored signals are flat scalars; an object that holds an escape
 * or a nested value is reported as not flat, and the caller parses it properly instead.
 */
public final class FlatJson {

    /** More members than the catalogue has signals cannot come from a stored row. */
    private static final int MAX_MEMBERS = 64;

    private final int[] bounds = new int[MAX_MEMBERS * 4];
    private final boolean[] text = new boolean[MAX_MEMBERS];
    private byte[] bytes;
    private int members;

    /** False when the object is not flat (or not an object): parse it instead. */
    public boolean read(byte[] b, int from, int to) {
        bytes = b;
        members = 0;
        int i = from;
        if (i >= to || b[i++] != '{') {
            return false;
        }
        while (true) {
            while (i < to && b[i] == ' ') {
                i++;
            }
            if (i >= to || b[i] == '}') {
                return i < to;
            }
            if (b[i] != '"' || members == MAX_MEMBERS) {
                return false;
            }
            int at = members * 4;
            bounds[at] = ++i;
            i = endOfString(b, i, to);
            if (i < 0) {
                return false;
            }
            bounds[at + 1] = i++;
            while (i < to && (b[i] == ':' || b[i] == ' ')) {
                i++;
            }
            text[members] = i < to && b[i] == '"';
            if (text[members]) {
                bounds[at + 2] = ++i;
                i = endOfString(b, i, to);
                if (i < 0) {
                    return false;
                }
                bounds[at + 3] = i++;
            } else {
                if (i >= to || b[i] == '{' || b[i] == '[') {
                    return false;
                }
                bounds[at + 2] = i;
                while (i < to && b[i] != ',' && b[i] != '}') {
                    i++;
                }
                bounds[at + 3] = i;
            }
            members++;
            while (i < to && (b[i] == ',' || b[i] == ' ')) {
                i++;
            }
        }
    }

    /** The bytes the last {@link #read} looked at. */
    public byte[] bytes() {
        return bytes;
    }

    public int members() {
        return members;
    }

    public int nameFrom(int member) {
        return bounds[member * 4];
    }

    public int nameTo(int member) {
        return bounds[member * 4 + 1];
    }

    public int valueFrom(int member) {
        return bounds[member * 4 + 2];
    }

    public int valueTo(int member) {
        return bounds[member * 4 + 3];
    }

    /** The value was a JSON string (its bounds exclude the quotes). */
    public boolean text(int member) {
        return text[member];
    }

    /** The member with this name, or -1. */
    public int find(byte[] name) {
        for (int m = 0; m < members; m++) {
            if (nameTo(m) - nameFrom(m) == name.length
                    && Arrays.equals(bytes, nameFrom(m), nameTo(m), name, 0, name.length)) {
                return m;
            }
        }
        return -1;
    }

    /** The closing quote of a string without escapes, or -1 (an escape: not flat). */
    private static int endOfString(byte[] b, int i, int to) {
        while (i < to && b[i] != '"') {
            if (b[i] == '\\') {
                return -1;
            }
            i++;
        }
        return i < to ? i : -1;
    }
}
