package cn.vdp.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine's own price of a durable write, without PostgreSQL: 8 KiB written at the next offset of a file and
 * flushed to the device (fdatasync), as PostgreSQL flushes its WAL at a commit. Measured back to back and with a
 * pause between writes like the pace of a benchmark's commits: on a virtual machine whose cores sleep while idle,
 * a flush that wakes an idle core costs more. It is the floor under any durably committed audit event.
 */
final class DurableWriteProbe {

    private static final int PAGE = 8192;
    private static final int PAGES = 2048;

    private DurableWriteProbe() {
    }

    /** "back to back p50 0.15 / p99 0.23 ms; 5 ms apart p50 0.38 / p99 0.59 ms (1,000 flushes each)". */
    static String measure(Path directory, int flushes, long pauseMicros) throws IOException {
        Path file = Files.createTempFile(directory, "durable-write-probe", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(PAGE);
            for (int i = 0; i < PAGES; i++) {
                channel.write(zeros.clear(), (long) i * PAGE);
            }
            channel.force(true);
            double[] together = percentiles(channel, flushes, 0);
            double[] apart = percentiles(channel, flushes, pauseMicros);
            return String.format("back to back p50 %.3f / p99 %.3f ms; %.1f ms apart p50 %.3f / p99 %.3f ms "
                    + "(%,d flushes each)", together[0], together[1], pauseMicros / 1000.0, apart[0], apart[1], flushes);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double[] percentiles(FileChannel channel, int flushes, long pauseMicros) throws IOException {
        ByteBuffer page = ByteBuffer.allocate(PAGE);
        Arrays.fill(page.array(), (byte) 'x');
        long[] nanos = new long[flushes];
        for (int i = 0; i < flushes; i++) {
            long start = System.nanoTime();
            channel.write(page.clear(), (long) (i % PAGES) * PAGE);
            channel.force(false);
            nanos[i] = System.nanoTime() - start;
            if (pauseMicros > 0) {
                LockSupport.parkNanos(pauseMicros * 1000);
            }
        }
        Arrays.sort(nanos);
        return new double[] { Percentiles.millis(nanos, 50), Percentiles.millis(nanos, 99) };
    }
}
