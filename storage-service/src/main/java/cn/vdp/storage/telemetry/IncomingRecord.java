package cn.vdp.storage.telemetry;

import java.time.Instant;
import java.util.Comparator;

import cn.vdp.common.signal.Category;

/**
 * A validated record as the write path keeps it: its key and its signals already grouped into one JSON object
 * per category (index = {@link Category#ordinal()}, null where the record has no signal of that category).
 */
record IncomingRecord(String vin, long seq, Instant recordedAt, String[] signalsByCategory) {

    /**
     * Concurrent batches insert in this order, so that two of them waiting on each other's uncommitted keys always
     * wait in the same direction and never deadlock.
     */
    static final Comparator<IncomingRecord> KEY_ORDER = Comparator.comparing(IncomingRecord::vin)
            .thenComparing(IncomingRecord::recordedAt)
            .thenComparingLong(IncomingRecord::seq);

    String signals(Category category) {
        return signalsByCategory[category.ordinal()];
    }
}
