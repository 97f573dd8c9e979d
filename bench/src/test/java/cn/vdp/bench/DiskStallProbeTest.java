package cn.vdp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskStallProbeTest {

    private static final long MS = 1_000_000L;

    @Test
    void flushesTheDiskUntilClosedAndLeavesNoFileBehind(@TempDir Path directory) throws Exception {
        long since = System.nanoTime();
        List<DiskStallProbe.Flush> flushes;
        try (DiskStallProbe probe = DiskStallProbe.start(directory, Duration.ofMillis(10))) {
            while (probe.flushesSince(since).size() < 5) {
                Thread.sleep(10);
            }
            flushes = probe.flushesSince(since);
        }
        assertTrue(flushes.stream().allMatch(f -> f.startNanos() >= since && f.nanos() > 0), flushes.toString());
        for (int i = 1; i < flushes.size(); i++) {
            assertTrue(flushes.get(i).startNanos() >= flushes.get(i - 1).endNanos(), "one flush at a time");
        }
        try (var left = Files.list(directory)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aProbeThatCannotFlushFailsWhenClosedRatherThanReportPartOfTheTime(@TempDir Path directory)
            throws Exception {
        FlushedFile file = FlushedFile.create(directory, "closed-under-the-probe");
        file.close(); // every flush now fails
        DiskStallProbe probe = DiskStallProbe.start(file, Duration.ofMillis(10));
        Thread.sleep(50);

        assertTrue(probe.flushesSince(Long.MIN_VALUE).isEmpty());
        assertThrows(IOException.class, probe::close);
    }

    @Test
    void namesTheStallsByTheSecondTheyBeganIn() {
        long since = 5_000 * MS;
        List<DiskStallProbe.Flush> flushes = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            flushes.add(new DiskStallProbe.Flush(since + i * 50 * MS, MS / 2));
        }
        flushes.add(new DiskStallProbe.Flush(since + 1_250 * MS, 120 * MS));
        flushes.add(new DiskStallProbe.Flush(since + 3_100 * MS, 21 * MS));

        assertEquals(2, DiskStallProbe.stalls(flushes, Duration.ofMillis(20)).size());
        assertEquals(1, DiskStallProbe.stalls(flushes, Duration.ofMillis(21)).size());
        assertEquals("100 flushes, p50 0.50 / p99 21.00 / max 120.0 ms; 2 over 20 ms, in seconds s1 (120 ms), "
                + "s3 (21 ms)", DiskStallProbe.summary(flushes, Duration.ofMillis(20), since));
        assertEquals("no flushes", DiskStallProbe.summary(List.of(), Duration.ofMillis(20), since));
    }
}
