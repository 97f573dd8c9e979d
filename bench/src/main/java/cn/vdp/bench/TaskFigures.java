package cn.vdp.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * A figure of each thread (Linux task) at one moment, e.g. its CPU seconds or its run delay, keyed by the task's
 * /proc path. A sum over the threads alive now is not a counter: a thread that exits (an idle pool thread, a JIT
 * compiler thread the JVM no longer needs) takes its figure with it, and a difference of two sums can come out
 * negative. {@link #since} counts per thread instead.
 */
record TaskFigures(Map<String, Double> byTask) {

    /**
     * The figure over an interval: threads alive at both ends count their difference, threads started meanwhile
     * count in full; threads that exited meanwhile are not counted (their figures left /proc with them).
     */
    double since(TaskFigures before) {
        return byTask.entrySet().stream()
                .mapToDouble(task -> task.getValue() - before.byTask.getOrDefault(task.getKey(), 0.0)).sum();
    }

    /** Several processes' figures as one snapshot (task paths are unique across processes). */
    static TaskFigures of(TaskFigures... parts) {
        Map<String, Double> all = new HashMap<>();
        for (TaskFigures part : parts) {
            all.putAll(part.byTask);
        }
        return new TaskFigures(all);
    }
}
