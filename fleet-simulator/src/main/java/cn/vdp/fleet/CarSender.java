package cn.vdp.fleet;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

import cn.vdp.devcerts.CertificateFolder;

/**
 * One car's connection and outbox. Records stay in the outbox until ingest answered them (STORED, DUPLICATE or
 * REFUSED); after a 503, a 429 or no answer they are sent again, after Retry-After. Runs on one Vert.x context:
 * its methods are never called concurrently.
 */
final class CarSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OUTBOX = 200_000;

    final SimulatedCar car;
    private final HttpClient http;
    private final FleetOptions options;
    private final FleetStats stats;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private boolean inFlight;
    private final SendSchedule schedule;
    private long notBefore;

    CarSender(Vertx vertx, SimulatedCar car, CertificateFolder folder, FleetOptions options, FleetStats stats) {
        this.car = car;
        this.options = options;
        this.stats = stats;
        this.schedule = new SendSchedule(options.sendInterval(), System.nanoTime());
        this.http = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(folder.carCertificate(car.vin).toString())
                        .setKeyPath(folder.carKey(car.vin).toString()))
                .setTrustOptions(new PemTrustOptions().addCertPath(folder.serverCa().toString()))
                .setDefaultHost(options.ingest().getHost()).setDefaultPort(options.ingest().getPort())
                .setMaxPoolSize(1).setKeepAlive(true).setConnectTimeout(30_000));
    }

    /** Holds the car back until then (cars start one after the other, not in one burst of TLS handshakes). */
    void startAt(long nanoTime) {
        notBefore = nanoTime;
    }

    /**
     * The car's next regular send is due then (it may still send early when its outbox is full). The fleet sets it
     * whenever its rate changes, starting with the first.
     */
    void rhythmFrom(long nanoTime) {
        schedule.restartAt(nanoTime);
    }

    /** Gathers {@code count} new records measured now. */
    void generate(int count, Instant now) {
        for (int i = 0; i < count && outbox.size() < MAX_OUTBOX; i++) {
            outbox.addLast(car.next(now));
            stats.generated.increment();
            stats.pending.incrementAndGet();
        }
    }

    /** Sends what is gathered if the car may (nothing in flight, not backing off) and should (full, or due). */
    void maybeSend(long now, boolean asFastAsAcknowledged) {
        if (inFlight || now - notBefore < 0) {
            return;
        }
        if (asFastAsAcknowledged && outbox.size() < options.maxBatch()) {
            generate(options.maxBatch() - outbox.size(), Instant.now());
        }
        boolean due = schedule.due(now);
        if (outbox.isEmpty() || outbox.size() < options.maxBatch() && !due && !asFastAsAcknowledged) {
            return;
        }
        send(now);
    }

    private void send(long now) {
        int count = Math.min(outbox.size(), options.maxBatch());
        StringBuilder body = new StringBuilder(count * 420 + 16).append("{\"records\":[");
        int i = 0;
        for (String record : outbox) {
            if (i == count) {
                break;
            }
            body.append(i++ == 0 ? "" : ",").append(record);
        }
        body.append("]}");
        inFlight = true;
        schedule.sent(now);
        stats.sent.add(count);
        stats.requests.increment();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setURI("/api/v1/telemetry/batches").putHeader("Content-Type", "application/json")
                .setIdleTimeout(options.requestTimeout().toMillis());
        long started = System.nanoTime();
        http.request(request)
                .compose(r -> r.send(Buffer.buffer(body.toString())))
                .compose(response -> response.body().map(b -> new Reply(response.statusCode(),
                        response.getHeader("Retry-After"), b)))
                .onComplete(result -> {
                    inFlight = false;
                    if (result.succeeded()) {
                        answered(result.result(), count, started, System.nanoTime() - started);
                    } else {
                        stats.failedRequests.increment();
                        backOff(1);
                    }
                });
    }

    private void answered(Reply reply, int count, long started, long nanos) {
        switch (reply.status) {
            case 200 -> {
                acknowledge(reply.body, count);
                stats.latency(started, nanos);
            }
            case 429 -> {
                stats.rateLimited.increment();
                backOff(retryAfter(reply));
            }
            case 503 -> {
                stats.unavailable.increment();
                backOff(retryAfter(reply));
            }
            default -> {
                if (reply.status >= 500) {
                    stats.failedRequests.increment();
                    backOff(1);
                } else {
                    // The batch breaks the contract; sending it again would not help.
                    stats.rejected.add(count);
                    drop(count);
                }
            }
        }
    }

    private void acknowledge(Buffer body, int count) {
        try {
            JsonNode answer = JSON.readTree(body.getBytes());
            stats.stored.add(answer.path("stored").asLong());
            stats.duplicates.add(answer.path("duplicates").asLong());
            stats.refused.add(answer.path("refused").asLong());
        } catch (java.io.IOException e) {
            stats.failedRequests.increment();
        }
        drop(count);
    }

    private void drop(int count) {
        for (int i = 0; i < count; i++) {
            outbox.pollFirst();
        }
        stats.pending.addAndGet(-count);
    }

    private void backOff(long seconds) {
        // A little jitter, so that cars refused together do not all come back in the same millisecond.
        notBefore = System.nanoTime() + seconds * 1_000_000_000L + (long) (Math.random() * 250_000_000L);
    }

    private static long retryAfter(Reply reply) {
        try {
            return reply.retryAfter == null ? 1 : Math.max(1, Long.parseLong(reply.retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    boolean idle() {
        return outbox.isEmpty() && !inFlight;
    }

    void close() {
        http.close();
    }

    private record Reply(int status, String retryAfter, Buffer body) {
    }

    static List<String> vinsOf(List<CarSender> senders) {
        return senders.stream().map(s -> s.car.vin).toList();
    }
}
