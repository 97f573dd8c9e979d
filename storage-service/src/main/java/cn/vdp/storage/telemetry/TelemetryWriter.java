package cn.vdp.storage.telemetry;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.vdp.common.security.Roles;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.RefusalReason;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.security.CurrentCaller;
import cn.vdp.storage.vehicle.Market;

/**
 * Stores a batch of many cars' records in one transaction. (A malformed batch never gets here: the reader refuses
 * it whole.) A record of a car that may not send data here is refused on its own; all others commit together,
 * and the caller answers only after this method, and so the commit, has returned.
 */
@ApplicationScoped
public class TelemetryWriter {

    @Inject
    TelemetryConfig config;

    @Inject
    Clock clock;

    @Inject
    VehicleMarkets markets;

    @Inject
    TelemetryRowWriter rows;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentCaller caller;

    @Inject
    PartTimings timings;

    @Transactional
    public BatchResult write(List<IncomingRecord> records) throws SQLException {
        long start = System.nanoTime();
        Instant now = clock.instant();
        Instant oldest = now.minus(config.maxRecordAge());
        Instant newest = now.plus(config.maxFutureSkew());
        Map<String, String> marketOf = markets.of(records.stream().map(IncomingRecord::vin).distinct().toList());

        RecordOutcome[] outcomes = new RecordOutcome[records.size()];
        List<IncomingRecord> accepted = new ArrayList<>(records.size());
        Set<RecordKey> seenInBatch = new HashSet<>(records.size() * 2);
        RefusalAudit refusedCars = null;
        for (int i = 0; i < records.size(); i++) {
            IncomingRecord record = records.get(i);
            String refusal = refusalOf(record, marketOf.get(record.vin()), oldest, newest);
            if (refusal != null) {
                outcomes[i] = RecordOutcome.refused(record.vin(), record.seq(), refusal);
                if (isAboutTheCar(refusal)) {
                    refusedCars = refusedCars == null ? new RefusalAudit() : refusedCars;
                    refusedCars.add(record, refusal);
                }
            } else if (!seenInBatch.add(new RecordKey(record.vin(), record.seq()))) {
                outcomes[i] = RecordOutcome.duplicate(record.vin(), record.seq());
            } else {
                accepted.add(record);
            }
        }
        if (refusedCars != null) {
            refusedCars.recordTo(audit, Actor.of(caller.get(), Roles.INGEST));
        }
        accepted.sort(IncomingRecord.KEY_ORDER);
        long checked = System.nanoTime();
        timings.add("check", checked - start);
        Set<RecordKey> inserted = accepted.isEmpty() ? Set.of() : rows.insert(accepted);
        timings.add("rows", System.nanoTime() - checked);
        for (int i = 0; i < records.size(); i++) {
            if (outcomes[i] == null) {
                IncomingRecord record = records.get(i);
                outcomes[i] = inserted.contains(new RecordKey(record.vin(), record.seq()))
                        ? RecordOutcome.stored(record.vin(), record.seq())
                        : RecordOutcome.duplicate(record.vin(), record.seq());
            }
        }
        return BatchResult.of(List.of(outcomes));
    }

    /** Refused because of the car itself (audited), not because of one record's time. */
    private static boolean isAboutTheCar(String refusal) {
        return RefusalReason.NOT_CHINA_MARKET.equals(refusal) || RefusalReason.UNREGISTERED_VEHICLE.equals(refusal);
    }

    private static String refusalOf(IncomingRecord record, String market, Instant oldest, Instant newest) {
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
}
