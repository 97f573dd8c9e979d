package cn.vdp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of a service's {@code /q/metrics} (Prometheus text). Two scrapes give what happened between them: a
 * histogram's quantile over that interval only, from the difference of its cumulative bucket counts.
 */
final class PrometheusScrape {

    private final List<String> lines;

    private PrometheusScrape(List<String> lines) {
        this.lines = lines;
    }

    static PrometheusScrape of(URI metrics) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new PrometheusScrape(text.lines().filter(l -> !l.startsWith("#")).toList());
    }

    /** The value of the first series of this name whose labels contain {@code labels} (e.g. outcome="ok"). */
    double value(String name, String labels) {
        return lines.stream().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> labels.isEmpty() || l.contains(labels)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new IllegalStateException("no metric " + name + " with " + labels));
    }

    /**
     * The upper bound of the bucket holding the quantile {@code q} of the observations made since {@code before}
     * (so "at most this"), in the histogram's unit; NaN if nothing was observed.
     */
    double quantileSince(PrometheusScrape before, String histogram, String labels, double q) {
        TreeMap<Double, Double> now = buckets(histogram, labels);
        TreeMap<Double, Double> then = before.buckets(histogram, labels);
        double total = now.lastEntry().getValue() - then.getOrDefault(now.lastKey(), 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : now.entrySet()) {
            if (bucket.getValue() - then.getOrDefault(bucket.getKey(), 0.0) >= q * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Mean of the observations made since {@code before}, from the histogram's _sum and _count. */
    double meanSince(PrometheusScrape before, String histogram, String labels) {
        double count = value(histogram + "_count", labels) - before.value(histogram + "_count", labels);
        return count <= 0 ? Double.NaN
                : (value(histogram + "_sum", labels) - before.value(histogram + "_sum", labels)) / count;
    }

    private TreeMap<Double, Double> buckets(String histogram, String labels) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        String prefix = histogram + "_bucket{";
        for (String line : lines) {
            if (line.startsWith(prefix) && (labels.isEmpty() || line.contains(labels))) {
                int le = line.indexOf("le=\"") + 4;
                String bound = line.substring(le, line.indexOf('"', le));
                buckets.merge(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        if (buckets.isEmpty()) {
            throw new IllegalStateException("no histogram " + histogram + " with " + labels);
        }
        return buckets;
    }
}
