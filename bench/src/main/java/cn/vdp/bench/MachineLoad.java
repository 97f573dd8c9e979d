package cn.vdp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The load averages (Linux), so that a figure measured on a busy machine says so. */
final class MachineLoad {

    private MachineLoad() {
    }

    static String now() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * CPU seconds of the whole machine so far: {busy (user, nice, system, irq, softirq), idle and I/O wait, steal}.
     * Steal is time the hypervisor gave this VM's virtual CPUs to someone else: work that waited without any
     * process here being busy.
     */
    static double[] cpuSeconds() {
        String[] f;
        try {
            f = Files.readString(Path.of("/proc/stat")).lines().filter(l -> l.startsWith("cpu ")).findFirst()
                    .orElseThrow().trim().split("\\s+");
        } catch (IOException e) {
            // Zeros would read as measured.
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
        double busy = 0;
        for (int i : new int[] { 1, 2, 3, 6, 7 }) {
            busy += Long.parseLong(f[i]);
        }
        return new double[] { busy / CpuTime.TICKS_PER_SECOND,
                (Long.parseLong(f[4]) + Long.parseLong(f[5])) / CpuTime.TICKS_PER_SECOND,
                Long.parseLong(f[8]) / CpuTime.TICKS_PER_SECOND };
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String averages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
