package cn.vdp.bench;

import java.io.IOException;
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
