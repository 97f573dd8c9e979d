package cn.vdp.storage.telemetry;

import java.time.Instant;
import java.util.Comparator;

import cn.vdp.common.signal.Category;

/** What one database row holds: the signals of one category of one record, as JSON text. */
record TelemetryRow(String vin, Instant recordedAt, long seq, Category category, String signalsJson) {

    /**
     * Concurrent batches insert in this order, so that two of them waiting on each other's uncommitted keys
     * always wait in the same direction and never deadlock.
     */
    static final Comparator<TelemetryRow> KEY_ORDER = Comparator.comparing(TelemetryRow::vin)
            .thenComparing(TelemetryRow::recordedAt)
            .thenComparingLong(TelemetryRow::seq)
            .thenComparing(TelemetryRow::category);
}
