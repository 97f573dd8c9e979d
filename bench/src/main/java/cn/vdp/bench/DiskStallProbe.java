package cn.vdp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The disk's own stalls while a benchmark runs: a {@link FlushedFile} on the database's disk, a page flushed at a
 * steady pace, as PostgreSQL flushes its WAL at a commit. A flush far slower than usual is a stall of the device (on
 * this virtual machine, of the host's storage behind it), and every commit at that moment waits it out too. A few
 * flushes a second add next to nothing to the hundreds PostgreSQL makes.
 */
final class DiskStallProbe implements AutoCloseable {

    /** One flush: when it began (System.nanoTime) and how long it took. */
    record Flush(long startNanos, long nanos) {

        long endNanos() {
            return startNanos + nanos;
        }
    }

    private final FlushedFile file;
    private final long pauseNanos;
    private final List<Flush> flushes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Why the probe stopped before it was closed: its figures would then cover only part of the time. */
    private volatile IOException failure;

    private DiskStallProbe(FlushedFile file, Duration every) {
        this.file = file;
        this.pauseNanos = every.toNanos();
        this.thread = new Thread(this::probe, "disk-stall-probe");
        thread.setDaemon(true);
    }

    /** Starts flushing every {@code every} in a new file under {@code directory}. */
    static DiskStallProbe start(Path directory, Duration every) throws IOException {
        return start(FlushedFile.create(directory, "disk-stall-probe"), every);
    }

    /** Starts flushing every {@code every} in this file, which the probe closes. */
    static DiskStallProbe start(FlushedFile file, Duration every) {
        DiskStallProbe probe = new DiskStallProbe(file, every);
        probe.thread.start();
        return probe;
    }

    private void probe() {
        try {
            while (running) {
                long start = System.nanoTime();
                Flush flush = new Flush(start, file.flushNextPage());
                synchronized (flushes) {
                    flushes.add(flush);
                }
                LockSupport.parkNanos(pauseNanos);
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** The flushes begun at or after {@code sinceNanos}, in order. */
    List<Flush> flushesSince(long sinceNanos) {
        synchronized (flushes) {
            return flushes.stream().filter(f -> f.startNanos() >= sinceNanos).toList();
        }
    }

    /** The flushes that took longer than {@code stall}. */
    static List<Flush> stalls(List<Flush> flushes, Duration stall) {
        return flushes.stream().filter(f -> f.nanos() > stall.toNanos()).toList();
    }

    /**
     * e.g. "1,800 flushes, p50 0.31 / p99 2.17 / max 344.4 ms; 3 over 20 ms, in seconds s13 (104 ms), s63 (300 ms),
     * s63 (41 ms)", seconds counted from {@code sinceNanos}.
     */
    static String summary(List<Flush> flushes, Duration stall, long sinceNanos) {
        if (flushes.isEmpty()) {
            return "no flushes";
        }
        long[] sorted = flushes.stream().mapToLong(Flush::nanos).sorted().toArray();
        List<Flush> stalls = stalls(flushes, stall);
        String when = stalls.stream().map(f -> String.format("s%d (%.0f ms)",
                (f.startNanos() - sinceNanos) / 1_000_000_000L, f.nanos() / 1e6)).collect(Collectors.joining(", "));
        return String.format("%,d flushes, p50 %.2f / p99 %.2f / max %.1f ms; %d over %d ms%s", sorted.length,
                Percentiles.millis(sorted, 50), Percentiles.millis(sorted, 99), sorted[sorted.length - 1] / 1e6,
                stalls.size(), stall.toMillis(), stalls.isEmpty() ? "" : ", in seconds " + when);
    }

    /** Stops the probe; fails if it had stopped on its own, as its flushes then leave part of the time out. */
    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        thread.join();
        file.close();
        if (failure != null) {
            throw new IOException("the disk probe stopped before it was closed", failure);
        }
    }
}
