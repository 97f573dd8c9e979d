package cn.vdp.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

/**
 * Warm-up that ends when the services' JIT compilers are quiet rather than after a fixed count. On 2 cores a C2
 * compilation of a hot method takes up to a second of CPU, and a JVM still compiling while latency is timed shows
 * the compiler in the tail, not the code. Production runs native images, which compile nothing at run time.
 * <p>
 * Each round also scrapes the services' metrics, as Prometheus does in production. The first scrape of a JVM loads
 * classes that invalidate assumptions its compiled code was built on: the hot paths are deoptimized and compiled
 * again (measured: about 190 C2 compilations in ingest in the 10 s after the first scrape). Left to the timed part,
 * that recompilation landed in the timed latencies of whichever service was scraped first.
 */
final class JitWarmup {

    /** Quiet: the compiler threads of all the JVMs together used less than this share of one round's time. */
    private static final double QUIET_SHARE = Double.parseDouble(System.getProperty("bench.jit.quiet-share", "0.02"));

    /** A JVM under test: its process and its Prometheus metrics endpoint. */
    record Service(long pid, URI metrics) {
    }

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
    static String untilQuiet(Duration min, Duration max, Round round, Service... services) throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        while (true) {
            TaskFigures before = jitSeconds(services);
            long roundStart = System.nanoTime();
            for (Service service : services) {
                PrometheusScrape.of(service.metrics());
            }
            round.run();
            rounds++;
            long now = System.nanoTime();
            double share = jitSeconds(services).since(before) / ((now - roundStart) / 1e9);
            boolean quiet = share < QUIET_SHARE && now - start >= min.toNanos();
            if (quiet || now - start >= max.toNanos()) {
                String text = String.format("%d warm-up rounds in %.0f s, each beginning with a scrape of the "
                        + "services' /q/metrics as Prometheus makes, %s (JIT compiler threads at %.1f%% of a "
                        + "core in the last round; quiet means below %.0f%%)", rounds, (now - start) / 1e9,
                        quiet ? "until the JIT compilers were quiet" : "stopped at the time limit, compilers not quiet",
                        share * 100, QUIET_SHARE * 100);
                System.out.println(text);
                return text;
            }
        }
    }

    private static TaskFigures jitSeconds(Service[] services) {
        return TaskFigures.of(Arrays.stream(services).map(s -> CpuTime.ofJit(s.pid())).toArray(TaskFigures[]::new));
    }
}
