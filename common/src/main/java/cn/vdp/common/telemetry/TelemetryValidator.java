package cn.vdp.common.telemetry;

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
 * Checks the shape of a batch against the VIN rule and the signal catalogue. A batch with any such error is
 * refused whole (nothing of it is stored), because it shows a sender that does not follow the contract.
 */
public final class TelemetryValidator {

    public static final ProblemType INVALID_TELEMETRY = new ProblemType("invalid-telemetry", 422,
            "Telemetry does not follow the record contract");
    public static final ProblemType BATCH_TOO_LARGE = new ProblemType("batch-too-large", 413,
            "Too many records in one batch");
    /** Listing every error of a huge bad batch would itself be a large answer. */
    private static final int MAX_REPORTED_ERRORS = 100;
    private static final int MAX_SIGNALS_PER_RECORD = 64;

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
            throw new ProblemException(BATCH_TOO_LARGE,
                    "A batch may hold at most " + maxRecords + " records, this one has " + batch.records().size());
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.records().size() && errors.size() < MAX_REPORTED_ERRORS; i++) {
            collectErrors("/records/" + i, batch.records().get(i), errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(INVALID_TELEMETRY,
                    errors.size() + (errors.size() >= MAX_REPORTED_ERRORS ? "+" : "")
                            + " error(s) in the batch; nothing of it was stored",
                    errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)));
        }
    }

    /** Also used on single records (the simulator checks what it generates). */
    public static void collectErrors(String at, TelemetryRecord record, List<FieldError> errors) {
        if (record == null) {
            errors.add(new FieldError(at, "record is null"));
            return;
        }
        Vin.problemWith(record.vin()).ifPresent(problem -> errors.add(new FieldError(at + "/vin", problem)));
        if (record.seq() == null || record.seq() < 0) {
            errors.add(new FieldError(at + "/seq", "seq must be a number >= 0"));
        }
        if (record.recordedAt() == null) {
            errors.add(new FieldError(at + "/recordedAt", "recordedAt is missing"));
        }
        Map<String, JsonNode> signals = record.signals();
        if (signals == null || signals.isEmpty()) {
            errors.add(new FieldError(at + "/signals", "a record needs at least one signal"));
            return;
        }
        if (signals.size() > MAX_SIGNALS_PER_RECORD) {
            errors.add(new FieldError(at + "/signals", "a record may hold at most " + MAX_SIGNALS_PER_RECORD
                    + " signals"));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : signals.entrySet()) {
            String pointer = at + "/signals/" + FieldError.token(entry.getKey());
            Optional<Signal> signal = SignalCatalogue.find(entry.getKey());
            if (signal.isEmpty()) {
                errors.add(new FieldError(pointer, "unknown signal '" + entry.getKey() + "'"));
            } else {
                signal.get().problemWith(entry.getValue())
                        .ifPresent(problem -> errors.add(new FieldError(pointer, problem)));
            }
        }
    }

}
