package cn.vdp.storage.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import cn.vdp.common.signal.Signal;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.storage.telemetry.FlatJson;

/**
 * telemetry.csv (RFC 4180, UTF-8, header row): one line per signal value, with the signal's unit and category
 * from the catalogue. The common case (flat values, no escapes) is cut into fields on the bytes ({@link FlatJson}),
 * anything else goes through a JSON parser.
 */
final class CsvFile {

    static final String HEADER = "vin,seq,recorded_at,signal,value,unit,category\n";
    private static final int TIME = 0;
    private static final int SEQ = 1;
    private static final int SIGNALS = 3;
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] UNKNOWN_TAIL = ",,\n".getBytes(StandardCharsets.US_ASCII);

    private final ByteSink out;
    private final SignalTails tails = new SignalTails();
    private final byte[] prefix = new byte[128];
    private final FlatJson flat = new FlatJson();
    private int prefixLength;

    CsvFile(ByteSink out) throws IOException {
        this.out = out;
        out.ascii(HEADER);
    }

    void row(String vin, CopyRow row) throws IOException {
        byte[] bytes = row.bytes();
        buildPrefix(vin, bytes, row);
        // COPY escapes show as backslashes, which makes the object "not flat": such rows are parsed.
        if (flat.read(bytes, row.start(SIGNALS), row.end(SIGNALS))) {
            for (int m = 0; m < flat.members(); m++) {
                writeLine(bytes, m);
            }
        } else {
            writeParsed(row.escaped(SIGNALS) ? row.unescaped(SIGNALS)
                    : Arrays.copyOfRange(bytes, row.start(SIGNALS), row.end(SIGNALS)));
        }
    }

    /** "vin,seq,recorded_at," of the row, written before each of its values. */
    private void buildPrefix(String vin, byte[] bytes, CopyRow row) {
        int p = 0;
        for (int i = 0; i < vin.length(); i++) {
            prefix[p++] = (byte) vin.charAt(i);
        }
        prefix[p++] = ',';
        int seqLength = row.end(SEQ) - row.start(SEQ);
        System.arraycopy(bytes, row.start(SEQ), prefix, p, seqLength);
        p += seqLength;
        prefix[p++] = ',';
        int t = row.start(TIME);
        System.arraycopy(bytes, t, prefix, p, 10);
        p += 10;
        prefix[p++] = 'T';
        int fraction = row.end(TIME) - 3 - (t + 11);
        System.arraycopy(bytes, t + 11, prefix, p, fraction);
        p += fraction;
        prefix[p++] = 'Z';
        prefix[p++] = ',';
        prefixLength = p;
    }

    private void writeLine(byte[] b, int m) throws IOException {
        out.write(prefix, 0, prefixLength);
        writeField(b, flat.nameFrom(m), flat.nameTo(m), true);
        out.write((byte) ',');
        if (flat.text(m) || !isNull(b, flat.valueFrom(m), flat.valueTo(m))) {
            writeField(b, flat.valueFrom(m), flat.valueTo(m), flat.text(m));
        }
        byte[] tail = tails.of(b, flat.nameFrom(m), flat.nameTo(m));
        out.write(tail == null ? UNKNOWN_TAIL : tail);
    }

    /** Text without escapes holds no quote or line break; a comma makes it quoted. */
    private void writeField(byte[] b, int from, int to, boolean text) throws IOException {
        if (text && contains(b, from, to, (byte) ',')) {
            out.write((byte) '"').write(b, from, to).write((byte) '"');
        } else {
            out.write(b, from, to);
        }
    }

    /** The general path: escapes in names or values, or nested values (which the catalogue does not have). */
    private void writeParsed(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored signals are not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                byte[] name = escape(parser.currentName()).getBytes(StandardCharsets.UTF_8);
                JsonToken token = parser.nextToken();
                String value = token == JsonToken.VALUE_STRING ? escape(parser.getText())
                        : token == JsonToken.VALUE_NULL ? "" : token.isScalarValue() ? parser.getText() : "";
                if (!token.isScalarValue()) {
                    parser.skipChildren();
                }
                byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
                out.write(prefix, 0, prefixLength).write(name).write((byte) ',').write(valueBytes);
                byte[] tail = tails.of(parser.currentName());
                out.write(tail == null ? UNKNOWN_TAIL : tail);
            }
        }
    }

    static String escape(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    private static boolean contains(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNull(byte[] b, int from, int to) {
        return to - from == 4 && b[from] == 'n' && b[from + 1] == 'u' && b[from + 2] == 'l' && b[from + 3] == 'l';
    }

    /** ",unit,category\n" of each catalogue signal, found by the name's bytes without making a String. */
    static final class SignalTails {
        private final byte[][] names;
        private final byte[][] tails;

        SignalTails() {
            names = SignalCatalogue.all().stream().map(s -> s.name().getBytes(StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);
            tails = SignalCatalogue.all().stream().map(SignalTails::tail).toArray(byte[][]::new);
        }

        byte[] of(byte[] bytes, int from, int to) {
            for (int i = 0; i < names.length; i++) {
                if (Arrays.equals(names[i], 0, names[i].length, bytes, from, to)) {
                    return tails[i];
                }
            }
            return null;
        }

        byte[] of(String name) {
            return SignalCatalogue.find(name).map(SignalTails::tail).orElse(null);
        }

        private static byte[] tail(Signal signal) {
            return ("," + escape(signal.unit()) + "," + signal.category().code() + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }
}
