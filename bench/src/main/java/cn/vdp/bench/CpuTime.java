package cn.vdp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
        return processesNamed(command).stream().mapToDouble(p -> seconds(p.resolve("stat"))).sum();
    }

    /**
     * CPU seconds of each thread of one process whose name starts with one of {@code prefixes}, e.g. "C2 Compi" for
     * the JIT compiler threads (Linux truncates thread names to 15 characters).
     */
    static TaskFigures ofThreads(long pid, String... prefixes) {
        return tasks(Path.of("/proc", String.valueOf(pid)),
                t -> Arrays.stream(prefixes).anyMatch(read(t.resolve("comm"))::startsWith),
                t -> seconds(t.resolve("stat")));
    }

    /** CPU seconds of each of one JVM's JIT compiler threads (C1 and C2). */
    static TaskFigures ofJit(long pid) {
        return ofThreads(pid, "C1 Compi", "C2 Compi");
    }

    /**
     * Seconds each thread of one process spent runnable but waiting for a core (the kernel's run delay,
     * /proc/PID/task/TID/schedstat): how much of a latency was queueing for the CPU.
     */
    static TaskFigures waitingOfPid(long pid) {
        return tasks(Path.of("/proc", String.valueOf(pid)), t -> true, t -> runDelay(t.resolve("schedstat")));
    }

    /** The same for every process whose command is this name (one that exits meanwhile counts as gone). */
    static TaskFigures waitingOfCommand(String command) {
        return TaskFigures.of(processesNamed(command).stream().map(p -> {
            try {
                return tasks(p, t -> true, t -> runDelay(t.resolve("schedstat")));
            } catch (UncheckedIOException gone) {
                return new TaskFigures(Map.of());
            }
        }).toArray(TaskFigures[]::new));
    }

    /** The /proc/PID folders of the processes whose command is this name. */
    private static List<Path> processesNamed(String command) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> command.equals(read(p.resolve("comm")).strip())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("/proc cannot be listed", e);
        }
    }

    /** A figure of each thread of one process (its /proc/PID folder given) that passes {@code filter}. */
    private static TaskFigures tasks(Path process, Predicate<Path> filter, ToDoubleFunction<Path> figure) {
        Map<String, Double> byTask = new HashMap<>();
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            threads.filter(filter).forEach(t -> {
                double value = figure.applyAsDouble(t);
                if (Files.isDirectory(t)) { // a thread gone meanwhile reads as 0, which is not its figure
                    byTask.put(t.toString(), value);
                }
            });
        } catch (IOException e) {
            // A figure of 0 would read as measured: the process is gone or this is not Linux.
            throw new UncheckedIOException("no threads of process " + process, e);
        }
        return new TaskFigures(byTask);
    }

    /** The second field of a schedstat file: seconds spent on a run queue; 0 if the task is gone. */
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
