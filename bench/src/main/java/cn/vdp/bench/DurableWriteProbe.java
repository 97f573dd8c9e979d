package cn.vdp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine's own price of a durable write, without PostgreSQL: 8 KiB written at the next offset of a file and
 * flushed to the device (fdatasync), as PostgreSQL flushes its WAL at a commit. Measured back to back and with a
 * pause between writes like the pace of a benchmark's commits: on a virtual machine whose cores sleep while idle,
 * a flush that wakes an idle core costs more. It is the floor under any durably committed audit event.
 */
final class DurableWriteProbe {

    private DurableWriteProbe() {
    }

    /** "back to back p50 0.15 / p99 0.23 ms; 5 ms apart p50 0.38 / p99 0.59 ms (1,000 flushes each)". */
    static String measure(Path directory, int flushes, long pauseMicros) throws IOException {
        try (FlushedFile file = FlushedFile.create(directory, "durable-write-probe")) {
            double[] together = percentiles(file, flushes, 0);
            double[] apart = percentiles(file, flushes, pauseMicros);
            return String.format("back to back p50 %.3f / p99 %.3f ms; %.1f ms apart p50 %.3f / p99 %.3f ms "
                    + "(%,d flushes each)", together[0], together[1], pauseMicros / 1000.0, apart[0], apart[1], flushes);
        }
    }

    private static double[] percentiles(FlushedFile file, int flushes, long pauseMicros) throws IOException {
        long[] nanos = new long[flushes];
        for (int i = 0; i < flushes; i++) {
            nanos[i] = file.flushNextPage();
            if (pauseMicros > 0) {
                LockSupport.parkNanos(pauseMicros * 1000);
            }
        }
        Arrays.sort(nanos);
        return new double[] { Percentiles.millis(nanos, 50), Percentiles.millis(nanos, 99) };
    }
}
