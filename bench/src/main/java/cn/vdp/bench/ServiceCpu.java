package cn.vdp.bench;

/**
 * The ingest benchmark's CPU figures at one moment, from /proc: for storage, ingest, PostgreSQL (every postgres
 * process) and this JVM (the simulator), in that order, the CPU seconds used and, per thread, the seconds runnable but
 * waiting for a core; and the JVMs' own threads: storage's and ingest's JIT compilers, then their garbage
 * collectors. {@link #since} turns two of them into an {@link Interval}'s figures.
 */
record ServiceCpu(double[] used, TaskFigures[] waited, TaskFigures[] runtime) {

    /** An interval's figures, in the same order: CPU seconds used, seconds waited, the JVMs' own threads' CPU. */
    record Interval(double[] used, double[] waited, double[] runtime) {
    }

    static ServiceCpu of(ServiceProcess storage, ServiceProcess ingest) {
        long simulator = ProcessHandle.current().pid();
        return new ServiceCpu(
                new double[] { CpuTime.ofPid(storage.pid()), CpuTime.ofPid(ingest.pid()),
                        CpuTime.ofCommand("postgres"), CpuTime.ofPid(simulator) },
                new TaskFigures[] { CpuTime.waitingOfPid(storage.pid()), CpuTime.waitingOfPid(ingest.pid()),
                        CpuTime.waitingOfCommand("postgres"), CpuTime.waitingOfPid(simulator) },
                new TaskFigures[] { CpuTime.ofJit(storage.pid()), CpuTime.ofJit(ingest.pid()), gc(storage.pid()),
                        gc(ingest.pid()) });
    }

    Interval since(ServiceCpu before) {
        return new Interval(minus(used, before.used), since(waited, before.waited), since(runtime, before.runtime));
    }

    private static TaskFigures gc(long pid) {
        return CpuTime.ofThreads(pid, "GC Thread", "G1 ");
    }

    private static double[] since(TaskFigures[] after, TaskFigures[] before) {
        double[] d = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            d[i] = after[i].since(before[i]);
        }
        return d;
    }

    /** Element by element: CPU seconds after minus before. */
    static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
