package cn.vdp.storage.retention;

import java.time.Instant;
import java.util.List;

/** What one retention run removed, per category. */
public record PurgeReport(Instant ranAt, List<CategoryPurge> categories) {

    /** Rows recorded before the cutoff are gone: whole day partitions dropped, the rest deleted. */
    public record CategoryPurge(String category, String retention, Instant cutoff, int partitionsDropped,
            long rowsDeleted) {
    }
}
