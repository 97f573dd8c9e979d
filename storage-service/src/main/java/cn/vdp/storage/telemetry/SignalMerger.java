package cn.vdp.storage.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Merges the rows of one record (one per category) into one JSON object text, keeping the requested signals.
 * Works on the database's own JSON text ({@link FlatJson}); the answer embeds it as it is. Parsing each row into
 * a tree and writing it out again was most of a page's cost.
 */
final class SignalMerger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> names;
    private final List<byte[]> wanted;
    private final boolean all;
    private final FlatJson flat = new FlatJson();
    private byte[] buffer = new byte[512];
    private int length;

    /** @param all every signal was asked for: rows are merged whole */
    SignalMerger(Set<String> names, boolean all) {
        this.names = names;
        this.all = all;
        this.wanted = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
    }

    void add(byte[] row) {
        if (!flat.read(row, 0, row.length)) {
            addParsed(row);
        } else if (all) {
            for (int m = 0; m < flat.members(); m++) {
                member(row, m);
            }
        } else {
            for (byte[] name : wanted) {
                int m = flat.find(name);
                if (m >= 0) {
                    member(row, m);
                }
            }
        }
    }

    /** The merged object, and a fresh start for the next record. */
    String take() {
        String merged = "{" + new String(buffer, 0, length, StandardCharsets.UTF_8) + "}";
        length = 0;
        return merged;
    }

    /** "name": value, quotes included, as the row has it. */
    private void member(byte[] row, int m) {
        int from = flat.nameFrom(m) - 1;
        int to = flat.text(m) ? flat.valueTo(m) + 1 : flat.valueTo(m);
        append(row, from, to);
    }

    /** Rows with escapes in names or values (rare): through a parser, and written back as JSON. */
    private void addParsed(byte[] row) {
        try {
            JsonNode signals = JSON.readTree(row);
            for (Map.Entry<String, JsonNode> field : signals.properties()) {
                if (all || names.contains(field.getKey())) {
                    String member = JSON.writeValueAsString(field.getKey()) + ": "
                            + JSON.writeValueAsString(field.getValue());
                    byte[] bytes = member.getBytes(StandardCharsets.UTF_8);
                    append(bytes, 0, bytes.length);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored signals are not JSON", e);
        }
    }

    private void append(byte[] from, int start, int end) {
        int needed = length + 2 + end - start;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
        if (length > 0) {
            buffer[length++] = ',';
            buffer[length++] = ' ';
        }
        System.arraycopy(from, start, buffer, length, end - start);
        length += end - start;
    }
}
