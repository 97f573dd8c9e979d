package cn.vdp.storage.telemetry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the time of one request went, part by part (for a read: the ownership check, the rows, the wait for its
 * audit event; for a batch write: reading the body, checking the cars, writing the rows, the commit). Sent as W3C
 * Server-Timing parts after the total ("query") and, for writes, kept as timers: a slow request can be told apart
 * from a slow part of it without a profiler.
 */
@RequestScoped
public class PartTimings {

    private final Map<String, Long> parts = new LinkedHashMap<>();

    void add(String part, long nanos) {
        parts.merge(part, nanos, Long::sum);
    }

    Map<String, Long> parts() {
        return parts;
    }

    long sum() {
        return parts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "query;dur=2.345, access;dur=0.512, ...", in milliseconds. */
    String header(long totalNanos) {
        StringJoiner header = new StringJoiner(", ").add(entry("query", totalNanos));
        parts.forEach((part, nanos) -> header.add(entry(part, nanos)));
        return header.toString();
    }

    private static String entry(String name, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.3f", name, nanos / 1e6);
    }
}
