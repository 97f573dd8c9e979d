package cn.vdp.ingest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResourceManager;

import cn.vdp.common.vin.Vin;
import cn.vdp.devcerts.CertificateAuthority;
import cn.vdp.devcerts.CertificateFolder;
import cn.vdp.devcerts.TlsContexts;

/** A car as ingest sees it: a VIN, maybe a client certificate, and an HTTPS client that presents it. */
public final class Car {

    private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CertificateFolder rogue;

    public final String vin;
    private final HttpClient http;

    private Car(String vin, SSLContext tls) {
        this.vin = vin;
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A car registered for the mainland China market, owned by {@link #owner()}, with a fleet certificate. */
    public static Car registered() throws Exception {
        Car car = withFleetCertificate(newVin());
        Storage.register(car.vin, "CN", car.owner());
        return car;
    }

    public static Car withFleetCertificate(String vin) throws Exception {
        CertificateFolder pki = IngestTestResources.certificates();
        return issued(CertificateAuthority.load(pki.fleetCa(), pki.fleetCaKey()), pki, vin);
    }

    /** A registered car whose certificate comes from a CA that ingest does not trust. */
    public static synchronized Car fromRogueCa() throws Exception {
        if (rogue == null) {
            rogue = new CertificateFolder(Files.createTempDirectory(Path.of("target"), "rogue-pki"));
            CertificateAuthority.create("Rogue CA").write(rogue.fleetCa(), rogue.fleetCaKey());
        }
        String vin = newVin();
        Storage.register(vin, "CN", "owner-" + vin);
        return issued(CertificateAuthority.load(rogue.fleetCa(), rogue.fleetCaKey()), rogue, vin);
    }

    public static Car withoutCertificate() throws Exception {
        return new Car(newVin(), TlsContexts.client(null, null, IngestTestResources.certificates().serverCa()));
    }

    private static Car issued(CertificateAuthority ca, CertificateFolder folder, String vin) throws Exception {
        ca.issueCar(vin).write(folder.carCertificate(vin), folder.carKey(vin));
        return new Car(vin, TlsContexts.client(folder.carCertificate(vin), folder.carKey(vin),
                IngestTestResources.certificates().serverCa()));
    }

    public static String newVin() {
        StringBuilder candidate = new StringBuilder("LRW");
        while (candidate.length() < Vin.LENGTH) {
            candidate.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return Vin.withCheckDigit(candidate.toString());
    }

    public String owner() {
        return "owner-" + vin;
    }

    public Map<String, Object> record(long seq, Instant at, Map<String, Object> signals) {
        return record(vin, seq, at, signals);
    }

    public static Map<String, Object> record(String vin, long seq, Instant at, Map<String, Object> signals) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("vin", vin);
        record.put("seq", seq);
        record.put("recordedAt", at.toString());
        record.put("signals", signals);
        return record;
    }

    /** {@code count} records with a speed and a state of charge, one second apart. */
    public List<Map<String, Object>> records(long firstSeq, int count, Instant firstAt) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(firstSeq + i, firstAt.plusSeconds(i), Map.of("vehicle.speed", 30.5 + i,
                    "battery.soc", 80.0)));
        }
        return records;
    }

    public Answer send(List<Map<String, Object>> records) throws IOException, InterruptedException {
        return send(JSON.writeValueAsBytes(Map.of("records", records)), "application/json");
    }

    /**
     * Sends as a real car does: after a 503 it keeps the records and sends them again once Retry-After has passed
     * (a few times). For setting a test up on a busy machine, where storage's first call may exceed its timeout.
     */
    public Answer sendUntilAnswered(List<Map<String, Object>> records) throws IOException, InterruptedException {
        Answer answer = send(records);
        for (int attempt = 1; answer.status() == 503 && attempt < 5; attempt++) {
            Thread.sleep(1000L * Math.min(5, Long.parseLong(answer.retryAfter() == null ? "1" : answer.retryAfter())));
            answer = send(records);
        }
        return answer;
    }

    public Answer send(byte[] body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    public Answer send(HttpRequest.BodyPublisher body, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint())
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(30)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null), response.body());
    }

    private static URI endpoint() {
        return URI.create(TestHTTPResourceManager.getSslUri() + "/api/v1/telemetry/batches");
    }

    /** Status, media type, Retry-After and the parsed body of an answer. */
    public record Answer(int status, String contentType, String retryAfter, String body) {
        public Map<String, Object> json() {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = JSON.readValue(body, Map.class);
                return map;
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<String> statuses() {
            return ((List<Map<String, Object>>) json().get("records")).stream()
                    .map(r -> (String) r.get("status")).toList();
        }

        @SuppressWarnings("unchecked")
        public List<String> reasons() {
            return ((List<Map<String, Object>>) json().get("records")).stream()
                    .map(r -> (String) r.get("reason")).toList();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
