package cn.vdp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.vdp.devcerts.LocalJwt;

/**
 * One storage-service's HTTP client for the audit-read benchmark, with the run's tokens: seeds the car, reads its
 * page and keeps the service's own time of each read and of its parts (Server-Timing).
 */
final class AuditReadClient {

    /** Records seeded, and the page size of a read. */
    static final int RECORDS = 5_000;
    static final int PAGE = 20;
    private static final String TOTAL = "query";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The service's own time of each read since the last clear and of its parts, by Server-Timing name, ns. */
    private final Map<String, List<Long>> serverTimes = new LinkedHashMap<>();
    /** Reads answered in full, warm-up included: the audited service must have one event for each. */
    final AtomicLong reads = new AtomicLong();
    private final String base;
    private final String vin;
    private final String owner;
    private final String operator;
    private final String ingest;
    private final String regulator;

    AuditReadClient(String base, LocalJwt jwt, String vin) throws Exception {
        this.base = base;
        this.vin = vin;
        serverTimes.put(TOTAL, Collections.synchronizedList(new ArrayList<>()));
        ServerTiming.READ_PARTS.forEach(part -> serverTimes.put(part, Collections.synchronizedList(new ArrayList<>())));
        owner = jwt.token("bench-owner", "vdp-portal", "owner");
        operator = jwt.token("bench-operator", "vdp-portal", "operator");
        ingest = jwt.token("service-account-vdp-ingest", "vdp-ingest", "ingest");
        regulator = jwt.token("bench-regulator", "vdp-portal", "regulator");
    }

    void seed() throws Exception {
        send("POST", "/api/v1/vehicles", operator, "{\"vin\":\"" + vin
                + "\",\"market\":\"CN\",\"model\":\"Bench\",\"ownerSubject\":\"bench-owner\"}", 201);
        Thread.sleep(10);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int batch = 0; batch < RECORDS / 1000; batch++) {
            StringBuilder json = new StringBuilder("{\"records\":[");
            for (int i = 0; i < 1000; i++) {
                int seq = batch * 1000 + i;
                json.append(i == 0 ? "" : ",").append("{\"vin\":\"").append(vin).append("\",\"seq\":").append(seq)
                        .append(",\"recordedAt\":\"").append(start.plusMillis(seq * 10L)).append("\",\"signals\":{")
                        .append("\"vehicle.speed\":").append(seq % 130).append(",\"battery.soc\":")
                        .append(20 + seq % 80).append("}}");
            }
            send("POST", "/api/v1/telemetry/batches", ingest, json.append("]}").toString(), 200);
        }
    }

    /** Nanoseconds for one read, checked to be a full page. */
    long read() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = exchange("GET", "/api/v1/vehicles/" + vin + "/telemetry?limit=" + PAGE,
                owner, null, 200);
        long elapsed = System.nanoTime() - start;
        String body = response.body();
        serverTimes.forEach((part, times) -> times.add(ServerTiming.nanos(response, part)));
        reads.incrementAndGet();
        if (!body.contains("\"nextCursor\"")) {
            throw new IllegalStateException("not a full page: " + body.substring(0, Math.min(200, body.length())));
        }
        return elapsed;
    }

    double timeVerification() throws Exception {
        long start = System.nanoTime();
        String body = send("GET", "/api/v1/audit/verification", regulator, null, 200);
        if (!body.contains("\"INTACT\"")) {
            throw new IllegalStateException("chain not intact: " + body);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private String send(String method, String path, String token, String body, int expected) throws Exception {
        return exchange(method, path, token, body, expected).body();
    }

    /** The service's own time of each read since the last clear, sorted, ns. */
    long[] sortedServerTimes() {
        return sorted(serverTimes.get(TOTAL));
    }

    /** "access 0.412 / 1.020, rows ...": p50 / p99 ms of each part since the last clear. */
    String parts() {
        List<String> figures = new ArrayList<>();
        for (String part : ServerTiming.READ_PARTS) {
            long[] sorted = sorted(serverTimes.get(part));
            figures.add(String.format("%s %.3f / %.3f", part, Percentiles.millis(sorted, 50),
                    Percentiles.millis(sorted, 99)));
        }
        return String.join(", ", figures);
    }

    void clearTimes() {
        serverTimes.values().forEach(List::clear);
    }

    private static long[] sorted(List<Long> times) {
        synchronized (times) {
            return times.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private HttpResponse<String> exchange(String method, String path, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token);
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
