package cn.vdp.storage.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.Signal;
import cn.vdp.common.telemetry.Instants;
import cn.vdp.common.telemetry.TelemetryValidator;

/**
 * Reads a batch body token by token, applying the shared record contract, and writes each record's signals
 * straight into per-category JSON. The write path's cost was dominated by building and re-serialising object
 * trees; this keeps one pass and the sender's own number text.
 */
@ApplicationScoped
class BatchReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int CATEGORIES = Category.values().length;

    /** Its own factory: the fast double parser matters here, where every number is range-checked. */
    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    List<IncomingRecord> read(InputStream body, int maxRecords) throws IOException {
        List<IncomingRecord> records = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        boolean sawRecords = false;
        try (JsonParser parser = factory.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "",
                    "Body must be an object with a 'records' array");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!"records".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                expect(parser.currentToken() == JsonToken.START_ARRAY, "/records", "records must be an array");
                sawRecords = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (records.size() == maxRecords) {
                        throw TelemetryValidator.tooLarge(maxRecords, countRest(parser, maxRecords));
                    }
                    records.add(readRecord(parser, "/records/" + records.size(), errors));
                }
            }
        }
        if (!sawRecords) {
            throw ProblemException.invalid("/records", "Body must be an object with a 'records' array");
        }
        if (records.isEmpty()) {
            throw ProblemException.invalid("/records", "A batch needs at least one record");
        }
        if (!errors.isEmpty()) {
            throw TelemetryValidator.invalid(errors);
        }
        return records;
    }

    private IncomingRecord readRecord(JsonParser parser, String at, List<FieldError> errors) throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, at, "a record must be an object");
        String vin = null;
        Long seq = null;
        Instant recordedAt = null;
        StringBuilder[] signals = null;
        int signalCount = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "vin" -> {
                    expect(value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL, at + "/vin",
                            "vin must be a string");
                    vin = value == JsonToken.VALUE_NULL ? null : parser.getText();
                }
                case "seq" -> {
                    expect(value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NULL, at + "/seq",
                            "seq must be a whole number");
                    seq = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
                }
                case "recordedAt" -> recordedAt = instant(parser, at + "/recordedAt");
                case "signals" -> {
                    expect(value == JsonToken.START_OBJECT, at + "/signals", "signals must be an object");
                    signals = new StringBuilder[CATEGORIES];
                    signalCount = readSignals(parser, at, signals, errors);
                }
                default -> parser.skipChildren();
            }
        }
        if (errors.size() < TelemetryValidator.MAX_REPORTED_ERRORS) {
            TelemetryValidator.checkVin(at, vin, errors);
            TelemetryValidator.checkSeq(at, seq, errors);
            TelemetryValidator.checkRecordedAt(at, recordedAt, errors);
            if (signals == null) {
                TelemetryValidator.checkSignalCount(at, 0, errors);
            }
        }
        String[] byCategory = new String[CATEGORIES];
        if (signals != null && signalCount > 0) {
            for (int c = 0; c < CATEGORIES; c++) {
                byCategory[c] = signals[c] == null ? null : signals[c].append('}').toString();
            }
        }
        return new IncomingRecord(vin, seq == null ? -1 : seq,
                recordedAt == null ? null : recordedAt.truncatedTo(ChronoUnit.MICROS), byCategory);
    }

    /** Appends each valid signal to its category's JSON object; returns how many signals there were. */
    private int readSignals(JsonParser parser, String at, StringBuilder[] into, List<FieldError> errors)
            throws IOException {
        int count = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            count++;
            JsonNode value = node(parser, token);
            Optional<Signal> signal = errors.size() < TelemetryValidator.MAX_REPORTED_ERRORS
                    ? TelemetryValidator.checkSignal(at, name, value, errors)
                    : Optional.empty();
            if (signal.isEmpty()) {
                continue;
            }
            int category = signal.get().category().ordinal();
            StringBuilder target = into[category];
            if (target == null) {
                target = into[category] = new StringBuilder(160).append('{');
            } else {
                target.append(',');
            }
            // Catalogue names need no escaping; values keep the sender's text (numbers) or are re-quoted.
            target.append('"').append(name).append("\":");
            if (token == JsonToken.VALUE_STRING) {
                target.append('"');
                JsonStringEncoder.getInstance().quoteAsString(value.textValue(), target);
                target.append('"');
            } else {
                target.append(parser.getText());
            }
        }
        if (count == 0 || count > TelemetryValidator.MAX_SIGNALS_PER_RECORD) {
            TelemetryValidator.checkSignalCount(at, count, errors);
        }
        return count;
    }

    private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> parser.readValueAsTree();
        };
    }

    private static Instant instant(JsonParser parser, String pointer) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser.currentToken() == JsonToken.VALUE_STRING, pointer, "recordedAt must be a string");
        try {
            return Instants.parse(parser.getText());
        } catch (DateTimeException e) {
            throw shape(pointer, "recordedAt must be an ISO-8601 instant such as 2026-11-21T08:00:00Z");
        }
    }

    /** Counts the records of an oversized batch without keeping them, for the 413 answer. */
    private static int countRest(JsonParser parser, int seen) throws IOException {
        int count = seen;
        do {
            parser.skipChildren();
            count++;
        } while (parser.nextToken() != JsonToken.END_ARRAY);
        return count;
    }

    private static void expect(boolean condition, String pointer, String detail) {
        if (!condition) {
            throw shape(pointer, detail);
        }
    }

    private static ProblemException shape(String pointer, String detail) {
        return new ProblemException(ProblemTypes.MALFORMED_REQUEST, "Body does not have the expected shape",
                List.of(new FieldError(pointer, detail)));
    }
}
