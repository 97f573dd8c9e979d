package cn.vdp.common.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.common.signal.Signal;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.common.vin.Vin;

/**
 * The record contract: VIN rule, sequence, time and every signal against the catalogue. A batch with any such
 * error is refused whole (nothing of it is stored), because it shows a sender that does not follow the contract.
 * The field checks are public so that a streaming reader applies exactly the same rules.
 */
public final class TelemetryValidator {

    public static final ProblemType INVALID_TELEMETRY = new ProblemType("invalid-telemetry", 422,
            "Telemetry does not follow the record contract");
    public static final ProblemType BATCH_TOO_LARGE = new ProblemType("batch-too-large", 413,
            "Too many records in one batch");
    /** Listing every error of a huge bad batch would itself be a large answer. */
    public static final int MAX_REPORTED_ERRORS = 100;
    public static final int MAX_SIGNALS_PER_RECORD = 64;

    private TelemetryValidator() {
    }

    /** Throws a problem naming every offending field (up to a bound) unless the batch is well-formed. */
    public static void requireValid(TelemetryBatch batch, int maxRecords) {
        if (batch == null || batch.records() == null) {
            throw ProblemException.invalid("/records", "Body must be an object with a 'records' array");
        }
        if (batch.records().isEmpty()) {
            throw ProblemException.invalid("/records", "A batch needs at least one record");
        }
        if (batch.records().size() > maxRecords) {
            throw tooLarge(maxRecords, batch.records().size());
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.records().size() && errors.size() < MAX_REPORTED_ERRORS; i++) {
            collectErrors("/records/" + i, batch.records().get(i), errors);
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /** Also used on single records (the simulator checks what it generates). */
    public static void collectErrors(String at, TelemetryRecord record, List<FieldError> errors) {
        if (record == null) {
            errors.add(new FieldError(at, "record is null"));
            return;
        }
        checkVin(at, record.vin(), errors);
        checkSeq(at, record.seq(), errors);
        checkRecordedAt(at, record.recordedAt(), errors);
        Map<String, JsonNode> signals = record.signals();
        if (!checkSignalCount(at, signals == null ? 0 : signals.size(), errors)) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : signals.entrySet()) {
            checkSignal(at, entry.getKey(), entry.getValue(), errors);
        }
    }

    public static void checkVin(String at, String vin, List<FieldError> errors) {
        Vin.problemWith(vin).ifPresent(problem -> errors.add(new FieldError(at + "/vin", problem)));
    }

    public static void checkSeq(String at, Long seq, List<FieldError> errors) {
        if (seq == null || seq < 0) {
            errors.add(new FieldError(at + "/seq", "seq must be a number >= 0"));
        }
    }

    public static void checkRecordedAt(String at, Instant recordedAt, List<FieldError> errors) {
        if (recordedAt == null) {
            errors.add(new FieldError(at + "/recordedAt", "recordedAt is missing"));
        }
    }

    /** False (with an error) when a record has no signals or too many to look at one by one. */
    public static boolean checkSignalCount(String at, int count, List<FieldError> errors) {
        if (count == 0) {
            errors.add(new FieldError(at + "/signals", "a record needs at least one signal"));
            return false;
        }
        if (count > MAX_SIGNALS_PER_RECORD) {
            errors.add(new FieldError(at + "/signals", "a record may hold at most " + MAX_SIGNALS_PER_RECORD
                    + " signals"));
            return false;
        }
        return true;
    }

    /** Returns the catalogue entry of a known signal with a valid value; otherwise records why not. */
    public static Optional<Signal> checkSignal(String at, String name, JsonNode value, List<FieldError> errors) {
        Optional<Signal> signal = SignalCatalogue.find(name);
        if (signal.isEmpty()) {
            errors.add(new FieldError(signalPointer(at, name), "unknown signal '" + name + "'"));
            return Optional.empty();
        }
        Optional<String> problem = signal.get().problemWith(value);
        if (problem.isPresent()) {
            errors.add(new FieldError(signalPointer(at, name), problem.get()));
            return Optional.empty();
        }
        return signal;
    }

    /**
     * Built only for an error: made for every signal of every record, its escaping alone held 2.9% of
     * storage-service's CPU samples at 5,000 records/s (JFR profile of the ingest benchmark).
     */
    private static String signalPointer(String at, String name) {
        return at + "/signals/" + FieldError.token(name);
    }

    public static ProblemException tooLarge(int maxRecords, int records) {
        return new ProblemException(BATCH_TOO_LARGE,
                "A batch may hold at most " + maxRecords + " records, this one has " + records);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        boolean capped = errors.size() >= MAX_REPORTED_ERRORS;
        return new ProblemException(INVALID_TELEMETRY,
                errors.size() + (capped ? "+" : "") + " error(s) in the batch; nothing of it was stored",
                errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)));
    }
}
