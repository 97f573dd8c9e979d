package cn.vdp.storage.telemetry;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.RefusalReason;
import cn.vdp.common.telemetry.TelemetryBatch;
import cn.vdp.common.telemetry.TelemetryRecord;
import cn.vdp.common.telemetry.TelemetryValidator;
import cn.vdp.storage.vehicle.Market;

/**
 * Stores a batch of many cars' records in one transaction. A malformed batch is refused whole before anything is
 * written; a record of a car that may not send data here is refused on its own; all others commit together, and
 * the caller answers only after this method (and so the commit) has returned.
 */
@ApplicationScoped
public class TelemetryWriter {

    @Inject
    TelemetryConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    VehicleMarkets markets;

    @Inject
    TelemetryRowWriter rows;

    @Transactional
    public BatchResult write(TelemetryBatch batch) throws SQLException {
        TelemetryValidator.requireValid(batch, config.maxBatchRecords());
        List<TelemetryRecord> records = batch.records();
        Instant now = clock.instant();
        Instant oldest = now.minus(config.maxRecordAge());
        Instant newest = now.plus(config.maxFutureSkew());
        Map<String, String> marketOf = markets.of(records.stream().map(TelemetryRecord::vin).distinct().toList());

        RecordOutcome[] outcomes = new RecordOutcome[records.size()];
        List<TelemetryRow> pending = new ArrayList<>(records.size() * 2);
        Set<RecordKey> seenInBatch = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            TelemetryRecord record = records.get(i);
            String refusal = refusalOf(record, marketOf.get(record.vin()), oldest, newest);
            if (refusal != null) {
                outcomes[i] = RecordOutcome.refused(record.vin(), record.seq(), refusal);
            } else if (!seenInBatch.add(new RecordKey(record.vin(), record.seq()))) {
                outcomes[i] = RecordOutcome.duplicate(record.vin(), record.seq());
            } else {
                splitByCategory(record, pending);
            }
        }
        pending.sort(TelemetryRow.KEY_ORDER);
        Set<RecordKey> inserted = pending.isEmpty() ? Set.of() : rows.insert(pending);
        for (int i = 0; i < records.size(); i++) {
            if (outcomes[i] == null) {
                TelemetryRecord record = records.get(i);
                outcomes[i] = inserted.contains(new RecordKey(record.vin(), record.seq()))
                        ? RecordOutcome.stored(record.vin(), record.seq())
                        : RecordOutcome.duplicate(record.vin(), record.seq());
            }
        }
        return BatchResult.of(List.of(outcomes));
    }

    private static String refusalOf(TelemetryRecord record, String market, Instant oldest, Instant newest) {
        if (market == null) {
            return RefusalReason.UNREGISTERED_VEHICLE;
        }
        if (!Market.isChinaMainland(market)) {
            return RefusalReason.NOT_CHINA_MARKET;
        }
        if (record.recordedAt().isBefore(oldest)) {
            return RefusalReason.RECORDED_AT_TOO_OLD;
        }
        if (record.recordedAt().isAfter(newest)) {
            return RefusalReason.RECORDED_AT_IN_FUTURE;
        }
        return null;
    }

    private void splitByCategory(TelemetryRecord record, List<TelemetryRow> into) {
        // The database keeps microseconds; truncating here makes a retried record's key identical.
        Instant recordedAt = record.recordedAt().truncatedTo(ChronoUnit.MICROS);
        Map<Category, ObjectNode> byCategory = new EnumMap<>(Category.class);
        for (Map.Entry<String, JsonNode> signal : record.signals().entrySet()) {
            Category category = SignalCatalogue.find(signal.getKey()).orElseThrow().category();
            byCategory.computeIfAbsent(category, c -> json.createObjectNode()).set(signal.getKey(), signal.getValue());
        }
        byCategory.forEach((category, signals) -> into.add(
                new TelemetryRow(record.vin(), recordedAt, record.seq(), category, write(signals))));
    }

    private String write(ObjectNode signals) {
        try {
            return json.writeValueAsString(signals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("signals that were parsed cannot be written back", e);
        }
    }
}
