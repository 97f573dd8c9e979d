package cn.vdp.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Warm-up that ends when the services' JIT compilers are quiet rather than after a fixed count. On 2 cores a C2
 * compilation of a hot method takes up to a second of CPU, and a JVM still compiling while latency is timed shows
 * the compiler in the tail, not the code. Production runs native images, which compile nothing at run time.
 */
final class JitWarmup {

    /** Quiet: the compiler threads of all the JVMs together used less than this share of one round's time. */
    private static final double QUIET_SHARE = Double.parseDouble(System.getProperty("bench.jit.quiet-share", "0.02"));

    @FunctionalInterface
    interface Round {
        void run() throws Exception;
    }

    private JitWarmup() {
    }

    /**
     * Runs rounds until one ends with the compilers quiet (at least {@code min}, at most {@code max} in all);
     * returns what it took, for the report.
     */
    static String untilQuiet(Duration min, Duration max, Round round, long... pids) throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        while (true) {
            double before = jitSeconds(pids);
            long roundStart = System.nanoTime();
            round.run();
            rounds++;
            long now = System.nanoTime();
            double share = (jitSeconds(pids) - before) / ((now - roundStart) / 1e9);
            boolean quiet = share < QUIET_SHARE && now - start >= min.toNanos();
            if (quiet || now - start >= max.toNanos()) {
                String text = String.format("%d warm-up rounds in %.0f s, %s (JIT compiler threads at %.1f%% of a "
                        + "core in the last round; quiet means below %.0f%%)", rounds, (now - start) / 1e9,
                        quiet ? "until the JIT compilers were quiet" : "stopped at the time limit, compilers not quiet",
                        share * 100, QUIET_SHARE * 100);
                System.out.println(text);
                return text;
            }
        }
    }

    private static double jitSeconds(long[] pids) {
        return Arrays.stream(pids).mapToDouble(CpuTime::ofJit).sum();
    }
}
