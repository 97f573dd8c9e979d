package cn.vdp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples a service's heap from its Prometheus metrics (jvm_memory_used_bytes, area="heap") while something runs,
 * and reads the live heap after a full GC (jcmd) before and after.
 */
final class HeapSampler implements AutoCloseable {

    /** One sample: when (System.nanoTime) and heap figures in bytes. */
    record Sample(long nanos, long heapUsed, long oldGenUsed) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;
    private final List<Sample> samples = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    HeapSampler(URI metrics) {
        this.metrics = metrics;
        this.thread = new Thread(() -> {
            while (running.get()) {
                long[] heap = read();
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime(), heap[0], heap[1]));
                }
                sleep(200);
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Live heap after a full collection, in bytes, as jcmd reports it. */
    static long liveHeapAfterGc(long pid) throws IOException, InterruptedException {
        run("jcmd", String.valueOf(pid), "GC.run");
        String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
        // " garbage-first heap   total 1048576K, used 41231K [..."
        for (String line : info.split("\n")) {
            int used = line.indexOf("used ");
            if (line.contains("heap") && line.contains("total") && used > 0) {
                return Long.parseLong(line.substring(used + 5, line.indexOf('K', used))) * 1024;
            }
        }
        throw new IllegalStateException("no heap line in jcmd output: " + info);
    }

    long[] read() {
        try {
            String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            long heap = 0;
            long old = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    heap += value;
                    if (line.contains("Old Gen") || line.contains("Tenured")) {
                        old += value;
                    }
                }
            }
            return new long[] { heap, old };
        } catch (IOException e) {
            return new long[] { 0, 0 };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new long[] { 0, 0 };
        }
    }

    /** Per quarter of [start, end]: the highest heap and old generation seen (nanos is the quarter's end). */
    List<Sample> peakPerQuarter(long start, long end) {
        List<Sample> peaks = new ArrayList<>();
        synchronized (samples) {
            for (int q = 1; q <= 4; q++) {
                long from = start + (end - start) * (q - 1) / 4;
                long to = start + (end - start) * q / 4;
                long heap = 0;
                long old = 0;
                for (Sample s : samples) {
                    if (s.nanos() >= from && s.nanos() <= to) {
                        heap = Math.max(heap, s.heapUsed());
                        old = Math.max(old, s.oldGenUsed());
                    }
                }
                peaks.add(new Sample(to, heap, old));
            }
        }
        return peaks;
    }

    int count() {
        synchronized (samples) {
            return samples.size();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(2000);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
