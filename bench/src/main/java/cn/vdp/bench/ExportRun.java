package cn.vdp.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.export.ManifestVerifier;
import cn.vdp.common.export.VerificationReport;

/**
 * Part (a) of export-query: one owner's export of 1,000,000 records (10 cars, 100,000 records each, every record
 * with vehicle-state, battery and location rows) streamed through GET /api/v1/exports/mine; records per second,
 * the service's heap while it streams, and an offline verification of the downloaded file.
 */
final class ExportRun {

    static final int CARS = 10;
    static final int RECORDS_PER_CAR = 100_000;
    static final String OWNER = "bench-exporter";
    private static final List<String> CATEGORIES = List.of("vehicle_state", "battery", "location");

    record Result(long records, long rows, double loadSeconds, double seconds, long zipBytes, long uncompressedBytes,
            long liveHeapBefore, long liveHeapAfter, List<HeapSampler.Sample> quarters, int samples,
            String verdict, double verifySeconds, double warmupSeconds, double[] cpu) {
        double perSecond() {
            return records / seconds;
        }
    }

    private final BenchStorage storage;
    private final TelemetryLoader loader;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ExportRun(BenchStorage storage, TelemetryLoader loader) {
        this.storage = storage;
        this.loader = loader;
    }

    Result run() throws Exception {
        List<String> vins = TelemetryLoader.vins("LEXPRT", CARS);
        Instant first = Instant.now().minus(RECORDS_PER_CAR + 3600, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        loader.registerCars(vins, vin -> OWNER, first.minus(1, ChronoUnit.DAYS));
        System.out.println("loading " + CARS * RECORDS_PER_CAR + " records (" + CATEGORIES.size() + " rows each) of "
                + OWNER);
        long loadStart = System.nanoTime();
        long rows = loader.load(vins, RECORDS_PER_CAR, first, 1000, CATEGORIES, ExportRun::row, 2);
        loader.vacuum();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        String token = storage.jwt.token(OWNER, "vdp-portal", "owner");

        Path file = storage.work.resolve("export.zip");
        System.out.println("warming up with the export of one car");
        long warmStart = System.nanoTime();
        download(token, "?vin=" + vins.get(0), file);
        double warmupSeconds = (System.nanoTime() - warmStart) / 1e9;

        long liveBefore = HeapSampler.liveHeapAfterGc(storage.pid());
        System.out.println("timing the export of " + CARS * RECORDS_PER_CAR + " records");
        long start;
        long end;
        HeapSampler heap = new HeapSampler(storage.management("/q/metrics"));
        double[] cpuBefore = { CpuTime.ofPid(storage.pid()), CpuTime.ofCommand("postgres"),
                CpuTime.ofPid(ProcessHandle.current().pid()) };
        try (heap) {
            start = System.nanoTime();
            download(token, "", file);
            end = System.nanoTime();
        }
        double[] cpu = { CpuTime.ofPid(storage.pid()) - cpuBefore[0], CpuTime.ofCommand("postgres") - cpuBefore[1],
                CpuTime.ofPid(ProcessHandle.current().pid()) - cpuBefore[2] };
        long liveAfter = HeapSampler.liveHeapAfterGc(storage.pid());

        long verifyStart = System.nanoTime();
        VerificationReport report = ManifestVerifier.trusting(publicKey(token), Long.MAX_VALUE).verify(file);
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        long records = countLines(file, "telemetry.jsonl");
        long uncompressed = uncompressedSize(file);
        return new Result(records, rows, loadSeconds, (end - start) / 1e9, Files.size(file), uncompressed, liveBefore,
                liveAfter, heap.peakPerQuarter(start, end), heap.count(), report.verdict().name(), verifySeconds,
                warmupSeconds, cpu);
    }

    private void download(String token, String query, Path file) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create(storage.api() + "/api/v1/exports/mine" + query))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        try (InputStream body = response.body(); OutputStream out = Files.newOutputStream(file)) {
            body.transferTo(out);
        }
    }

    private java.security.PublicKey publicKey(String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(storage.api() + "/api/v1/exports/signing-key"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode key = new ObjectMapper().readTree(response.body());
        return Ed25519Keys.publicKeyFromPem(key.get("publicKeyPem").asText());
    }

    private static long countLines(Path zip, String name) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile());
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        file.getInputStream(file.getEntry(name)), StandardCharsets.UTF_8))) {
            return reader.lines().count();
        }
    }

    private static long uncompressedSize(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().mapToLong(e -> e.getSize()).sum();
        }
    }

    /** A car driving: speed, odometer and gear; charge; position along a slow diagonal. */
    private static String row(String vin, long seq, Instant at, String category) {
        String prefix = vin + '\t' + at + '\t' + seq + '\t' + category + '\t';
        return switch (category) {
            case "vehicle_state" -> prefix + "{\"vehicle.speed\": " + (seq * 7 % 1300) / 10.0 + ", \"vehicle.odometer\": "
                    + (12000 + seq / 100.0) + ", \"vehicle.gear\": \"D\"}";
            case "battery" -> prefix + "{\"battery.soc\": " + (90 - seq % 700 / 10.0) + ", \"battery.voltage\": "
                    + (380 + seq % 200 / 10.0) + "}";
            default -> prefix + "{\"location.latitude\": " + (31.2 + seq % 100_000 / 1e6) + ", \"location.longitude\": "
                    + (121.4 + seq % 100_000 / 1e6) + "}";
        };
    }
}
