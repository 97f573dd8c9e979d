package cn.vdp.bench;

/**
 * The ingest benchmark's CPU figures so far, from /proc: for storage, ingest, PostgreSQL (every postgres process)
 * and this JVM (the simulator), in that order, the CPU seconds used ({@link #used}) and the seconds their threads
 * were runnable but waited for a core ({@link #waited}); and the JVMs' own threads ({@link #runtime}): storage's
 * and ingest's JIT compilers, then their garbage collectors. {@link #since} turns two of them into an interval's.
 */
record ServiceCpu(double[] used, double[] waited, double[] runtime) {

    static ServiceCpu of(ServiceProcess storage, ServiceProcess ingest) {
        long simulator = ProcessHandle.current().pid();
        return new ServiceCpu(
                new double[] { CpuTime.ofPid(storage.pid()), CpuTime.ofPid(ingest.pid()),
                        CpuTime.ofCommand("postgres"), CpuTime.ofPid(simulator) },
                new double[] { CpuTime.waitingOfPid(storage.pid()), CpuTime.waitingOfPid(ingest.pid()),
                        CpuTime.waitingOfCommand("postgres"), CpuTime.waitingOfPid(simulator) },
                new double[] { CpuTime.ofJit(storage.pid()), CpuTime.ofJit(ingest.pid()), gc(storage.pid()),
                        gc(ingest.pid()) });
    }

    ServiceCpu since(ServiceCpu before) {
        return new ServiceCpu(minus(used, before.used), minus(waited, before.waited), minus(runtime, before.runtime));
    }

    private static double gc(long pid) {
        return CpuTime.ofThreads(pid, "GC Thread") + CpuTime.ofThreads(pid, "G1 ");
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
