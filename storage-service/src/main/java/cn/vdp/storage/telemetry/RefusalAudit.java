package cn.vdp.storage.telemetry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import cn.vdp.common.signal.Category;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditOutcome;
import cn.vdp.storage.audit.AuditTrail;

/**
 * The records of one batch refused because their car may not send data here, summarised per car and reason: one
 * audit event each (how many records, which sequence numbers, categories and recording times), all appended in
 * the batch's one statement. Created only when a batch has such a record, so the usual batch pays nothing.
 */
final class RefusalAudit {

    private final Map<String, Summary> byCarAndReason = new LinkedHashMap<>();

    void add(IncomingRecord record, String reason) {
        byCarAndReason.computeIfAbsent(record.vin() + " " + reason, k -> new Summary(record.vin(), reason)).add(record);
    }

    void recordTo(AuditTrail audit, Actor sender) {
        for (Summary summary : byCarAndReason.values()) {
            audit.record(AuditEntry.of(AuditAction.TELEMETRY_REFUSED, sender).outcome(AuditOutcome.REFUSED)
                    .vin(summary.vin).categories(summary.categories)
                    // half-open like every audited range: up to just after the newest refused record
                    .range(summary.first, summary.last.plus(1, ChronoUnit.MICROS)).quantity(summary.records)
                    .detail("reason=" + summary.reason + "; seq=" + summary.lowestSeq + ".." + summary.highestSeq));
        }
    }

    private static final class Summary {
        final String vin;
        final String reason;
        final TreeSet<String> categories = new TreeSet<>();
        long records;
        long lowestSeq = Long.MAX_VALUE;
        long highestSeq = Long.MIN_VALUE;
        Instant first;
        Instant last;

        Summary(String vin, String reason) {
            this.vin = vin;
            this.reason = reason;
        }

        void add(IncomingRecord record) {
            records++;
            lowestSeq = Math.min(lowestSeq, record.seq());
            highestSeq = Math.max(highestSeq, record.seq());
            first = first == null || record.recordedAt().isBefore(first) ? record.recordedAt() : first;
            last = last == null || record.recordedAt().isAfter(last) ? record.recordedAt() : last;
            for (Category category : Category.values()) {
                if (record.signals(category) != null) {
                    categories.add(category.code());
                }
            }
        }
    }
}
