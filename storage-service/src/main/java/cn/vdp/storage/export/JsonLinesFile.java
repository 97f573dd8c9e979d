package cn.vdp.storage.export;

import java.io.IOException;
import java.util.Arrays;

/**
 * telemetry.jsonl: one record per line, {"vin", "seq", "recordedAt", "signals"}. The rows of one record (one per
 * category) arrive next to each other and are merged by joining the database's own JSON text of their signals:
 * nothing is parsed or rebuilt.
 */
final class JsonLinesFile {

    private static final int TIME = 0;
    private static final int SEQ = 1;
    private static final int SIGNALS = 3;

    private final ByteSink out;
    private String vin;
    private byte[] key = new byte[64];
    private int keyLength;
    private int timeLength;
    private byte[] signals = new byte[1024];
    private int signalsLength;
    private long records;

    JsonLinesFile(ByteSink out) {
        this.out = out;
    }

    void row(String vin, CopyRow row) throws IOException {
        byte[] bytes = row.bytes();
        int timeFrom = row.start(TIME);
        int keyTo = row.end(SEQ);
        if (!vin.equals(this.vin) || !sameKey(bytes, timeFrom, keyTo)) {
            flushRecord();
            this.vin = vin;
            keyLength = keyTo - timeFrom;
            timeLength = row.end(TIME) - timeFrom;
            key = ensure(key, keyLength);
            System.arraycopy(bytes, timeFrom, key, 0, keyLength);
        }
        if (row.escaped(SIGNALS)) {
            byte[] json = row.unescaped(SIGNALS);
            appendInner(json, 0, json.length);
        } else {
            appendInner(bytes, row.start(SIGNALS), row.end(SIGNALS));
        }
    }

    /** Writes the last record; returns how many records were written. */
    long finish() throws IOException {
        flushRecord();
        return records;
    }

    private boolean sameKey(byte[] bytes, int from, int to) {
        return to - from == keyLength && Arrays.equals(bytes, from, to, key, 0, keyLength);
    }

    /** The members of one JSON object text, appended to the record's. */
    private void appendInner(byte[] json, int from, int to) {
        int start = from + 1;
        int end = to - 1;
        while (end > start && json[end] != '}') {
            end--;
        }
        if (end <= start) {
            return; // {}
        }
        signals = ensure(signals, signalsLength + 2 + end - start);
        if (signalsLength > 0) {
            signals[signalsLength++] = ',';
            signals[signalsLength++] = ' ';
        }
        System.arraycopy(json, start, signals, signalsLength, end - start);
        signalsLength += end - start;
    }

    private void flushRecord() throws IOException {
        if (vin == null) {
            return;
        }
        // VINs, sequence numbers and ISO times hold no character JSON would need escaped.
        out.ascii("{\"vin\":\"").ascii(vin).ascii("\",\"seq\":").write(key, timeLength + 1, keyLength)
                .ascii(",\"recordedAt\":\"").isoTime(key, 0, timeLength).ascii("\",\"signals\":{")
                .write(signals, 0, signalsLength).ascii("}}\n");
        signalsLength = 0;
        vin = null;
        records++;
    }

    private static byte[] ensure(byte[] buffer, int length) {
        return buffer.length >= length ? buffer : Arrays.copyOf(buffer, Math.max(length, buffer.length * 2));
    }
}
