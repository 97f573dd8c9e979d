package cn.vdp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskFiguresTest {

    @Test
    void aThreadThatExitedDoesNotTakeItsFiguresOffTheInterval() {
        TaskFigures before = new TaskFigures(Map.of("/proc/1/task/1", 5.0, "/proc/1/task/2", 9.0));
        // Thread 2 exited meanwhile, thread 3 started; a sum of the live threads would say 7 - 14 = -7.
        TaskFigures after = new TaskFigures(Map.of("/proc/1/task/1", 6.5, "/proc/1/task/3", 0.5));

        assertEquals(2.0, after.since(before), 1e-9);
    }

    @Test
    void severalProcessesCountAsOneSnapshot() {
        TaskFigures before = TaskFigures.of(new TaskFigures(Map.of("/proc/1/task/1", 1.0)),
                new TaskFigures(Map.of("/proc/2/task/2", 2.0)));
        TaskFigures after = TaskFigures.of(new TaskFigures(Map.of("/proc/1/task/1", 1.5)),
                new TaskFigures(Map.of("/proc/2/task/2", 3.0)));

        assertEquals(1.5, after.since(before), 1e-9);
    }
}
