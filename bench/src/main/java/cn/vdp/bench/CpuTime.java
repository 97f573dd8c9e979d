package cn.vdp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/** CPU seconds used so far by processes, read from /proc (Linux), to show where a benchmark's time goes. */
final class CpuTime {

    static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds (user + system) of one process. */
    static double ofPid(long pid) {
        return seconds(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** CPU seconds of every process whose command is this name (e.g. all PostgreSQL backends). */
    static double ofCommand(String command) {
        return sumOverProcesses(command, p -> seconds(p.resolve("stat")));
    }

    /**
     * CPU seconds of the threads of one process whose name starts with {@code prefix}, e.g. "C2 Compi" for the JIT
     * compiler threads (Linux truncates thread names to 15 characters).
     */
    static double ofThreads(long pid, String prefix) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.filter(t -> read(t.resolve("comm")).startsWith(prefix))
                    .mapToDouble(t -> seconds(t.resolve("stat"))).sum();
        } catch (IOException e) {
            // A figure of 0 would read as measured: the process is gone or this is not Linux.
            throw new UncheckedIOException("no threads of process " + pid, e);
        }
    }

    /**
     * Seconds the threads of one process spent runnable but waiting for a core (the kernel's run delay,
     * /proc/PID/task/TID/schedstat): how much of a latency was queueing for the CPU.
     */
    static double waitingOfPid(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.mapToDouble(t -> runDelay(t.resolve("schedstat"))).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("no threads of process " + pid, e);
        }
    }

    /** The same for every process whose command is this name. */
    static double waitingOfCommand(String command) {
        return sumOverProcesses(command, p -> runDelay(p.resolve("schedstat")));
    }

    /** A figure of every process whose command is this name (its /proc/PID folder given), summed. */
    private static double sumOverProcesses(String command, ToDoubleFunction<Path> figure) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> command.equals(read(p.resolve("comm")).strip())).mapToDouble(figure).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("/proc cannot be listed", e);
        }
    }

    /** CPU seconds of one JVM's JIT compiler threads (C1 and C2). */
    static double ofJit(long pid) {
        return ofThreads(pid, "C1 Compi") + ofThreads(pid, "C2 Compi");
    }

    /** The second field of a schedstat file: nanoseconds spent on a run queue; 0 if the task is gone. */
    private static double runDelay(Path schedstat) {
        String text = read(schedstat).strip();
        return text.isEmpty() ? 0 : Long.parseLong(text.split(" ")[1]) / 1e9;
    }

    private static double seconds(Path stat) {
        String text = read(stat);
        if (text.isEmpty()) {
            return 0;
        }
        // Fields after the command (which may hold spaces) start after the last ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
