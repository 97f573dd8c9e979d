package cn.vdp.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import cn.vdp.devcerts.DevCertificates;
import cn.vdp.devcerts.TlsContexts;
import cn.vdp.fleet.OperatorApiRegistry;

/**
 * Builds a real request for any documented endpoint: path parameters name owner A's vehicle (or their erasure
 * request), bodies are valid where a valid one is harmless, so that what decides the answer is the caller.
 */
public final class Calls {

    private static final AtomicInteger FRESH_VINS = new AtomicInteger(1000);

    private final Platform platform;
    private final String vin;
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient car;
    private final HttpClient noCertificate;
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis());
    private final Map<String, Supplier<Body>> bodies;
    private String erasureId;

    private Calls(Platform platform, String vin) throws Exception {
        this.platform = platform;
        this.vin = vin;
        SSLContext withCertificate = TlsContexts.client(platform.certificates.carCertificate(vin),
                platform.certificates.carKey(vin), platform.certificates.serverCa());
        this.car = HttpClient.newBuilder().sslContext(withCertificate).connectTimeout(Duration.ofSeconds(5)).build();
        this.noCertificate = HttpClient.newBuilder()
                .sslContext(TlsContexts.client(null, null, platform.certificates.serverCa()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.bodies = Map.of(
                "POST /api/v1/vehicles", () -> Body.json("{\"vin\":\"" + DevCertificates.carVin(FRESH_VINS.incrementAndGet())
                        + "\",\"market\":\"CN\",\"model\":\"Matrix\",\"ownerSubject\":\"" + Platform.OWNER_A + "\"}"),
                "POST /api/v1/vehicles/{vin}/transfers", () -> Body.json("{\"newOwnerSubject\":\"" + Platform.OWNER_A
                        + "\"}"),
                "PUT /api/v1/vehicles/{vin}/consents/{category}", () -> Body.json("{\"granted\":false}"),
                "POST /api/v1/consents/live", () -> Body.json("{\"vins\":[\"" + vin + "\"]}"),
                "POST /api/v1/telemetry/batches", () -> Body.json("{\"records\":[{\"vin\":\"" + vin + "\",\"seq\":"
                        + seq.incrementAndGet() + ",\"recordedAt\":\"" + Instant.now()
                        + "\",\"signals\":{\"vehicle.speed\":12.5}}]}"),
                "POST /api/v1/exports/verifications", () -> new Body("application/zip",
                        "not a zip".getBytes(StandardCharsets.UTF_8)),
                "POST /api/v1/erasure-requests", () -> Body.json("{\"vins\":[\"" + vin + "\"]}"));
    }

    /** Registers {@code vin} for owner A and gives owner A an erasure request to address. */
    public static Calls prepare(Platform platform, String vin) throws Exception {
        Calls calls = new Calls(platform, vin);
        new OperatorApiRegistry(URI.create(platform.storageUrl()),
                () -> platform.tokens.of(Identity.OPERATOR).orElseThrow()).register(vin, Platform.OWNER_A);
        HttpResponse<String> erasure = calls.send(new Endpoint("storage-service", "POST", "/api/v1/erasure-requests"),
                Identity.OWNER_A, calls.bodies.get("POST /api/v1/erasure-requests"));
        calls.erasureId = Tokens.JSON.readTree(erasure.body()).path("id").asText();
        return calls;
    }

    /** The status {@code who} gets from {@code endpoint}. */
    public int call(Endpoint endpoint, Identity who) throws IOException, InterruptedException {
        return send(endpoint, who, bodies.get(endpoint.method() + " " + endpoint.path())).statusCode();
    }

    /** ingest-service without a client certificate: the TLS handshake must fail (an IOException). */
    public int callWithoutCertificate(Endpoint endpoint, Identity who) throws IOException, InterruptedException {
        return noCertificate.send(request(endpoint, who, bodies.get(endpoint.method() + " " + endpoint.path())),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> send(Endpoint endpoint, Identity who, Supplier<Body> body)
            throws IOException, InterruptedException {
        HttpClient client = endpoint.service().equals("ingest-service") ? car : plain;
        return client.send(request(endpoint, who, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(Endpoint endpoint, Identity who, Supplier<Body> body) {
        String path = endpoint.path().replace("{vin}", vin).replace("{category}", "location")
                .replace("{id}", erasureId == null ? "none" : erasureId);
        String base = switch (endpoint.service()) {
            case "storage-service" -> platform.storageUrl();
            case "ingest-service" -> platform.ingestUrl();
            default -> platform.portalUrl();
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        platform.tokens.header(who).forEach(request::header);
        Body content = body == null ? null : body.get();
        if (content == null) {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", content.type());
            request.method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(content.bytes()));
        }
        return request.build();
    }

    record Body(String type, byte[] bytes) {
        static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
