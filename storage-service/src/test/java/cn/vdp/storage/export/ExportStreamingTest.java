package cn.vdp.storage.export;

import static cn.vdp.storage.support.Api.register;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TelemetrySeed;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * Proves the export streams: while the client holds back, the server cannot finish (it waits on the connection
 * instead of building the zip in memory), and the rest arrives once the client reads on.
 */
@StorageTest
class ExportStreamingTest {

    /** Far more compressed output than socket buffers and the response queue hold together (tens of MB). */
    private static final int RECORDS = 200_000;
    private static final String OWNER = "stream-owner";
    private static final String OWNER_429 = "stream-owner-429";

    @Inject
    ExportConfig config;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/api/v1/exports/mine")
    URL export;

    @Test
    void theServerWaitsForTheClientInsteadOfBufferingTheExport() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", OWNER);
        insertRecords(vin);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(export.toString()))
                .header("Authorization", "Bearer " + Tokens.owner(OWNER)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-length").isEmpty(), "no length: the size is not known up front");
        assertEquals("chunked", response.headers().firstValue("transfer-encoding").orElse(""));

        try (InputStream body = response.body()) {
            byte[] head = body.readNBytes(64 * 1024);
            assertEquals('P', head[0]);
            assertEquals('K', head[1]);
            Thread.sleep(2000);
            assertEquals(0, exportsOf(OWNER), "with the client holding back, the export cannot have finished");
            assertEquals(1, auditEvents("export.download", vin), "its download was on record before its bytes");
            assertEquals(0, auditEvents("export.complete", vin), "its completion is not, yet");

            long lines = 0;
            try (ZipInputStream zip = new ZipInputStream(new SequenceOfHeadAndRest(head, body))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().equals("telemetry.jsonl")) {
                        BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
                        while (reader.readLine() != null) {
                            lines++;
                        }
                    }
                }
            }
            assertEquals(RECORDS, lines, "every record arrived once the client read on");
        }
        assertEquals(1, exportsOf(OWNER), "and then the export was registered");
        assertEquals(1, auditEvents("export.complete", vin), "and its completion recorded");
    }

    @Test
    void whenEveryExportSlotIsTakenTheNextDownloadIsRefusedWith429AndOnRecord() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", OWNER_429);
        insertRecords(vin);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<InputStream> held = new ArrayList<>();
        try {
            for (int i = 0; i < config.maxConcurrent(); i++) {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(export.toString()))
                        .header("Authorization", "Bearer " + Tokens.owner(OWNER_429)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                held.add(response.body());
            }
            String requestId = "429-" + UUID.randomUUID();
            given().auth().oauth2(Tokens.owner(OWNER_429)).header("X-Request-Id", requestId).get(export)
                    .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "60");
            List<Map<String, Object>> events = AuditRows.ofRequest(db, requestId);
            assertEquals(1, events.size(), events.toString());
            assertEquals("export.download", events.get(0).get("action"));
            assertEquals("throttled", events.get(0).get("outcome"));
            assertEquals(OWNER_429, events.get(0).get("actor_subject"));
        } finally {
            for (InputStream body : held) {
                body.transferTo(OutputStream.nullOutputStream());
                body.close();
            }
        }
        assertEquals(config.maxConcurrent(), exportsOf(OWNER_429), "the held downloads all finished");
    }

    private long auditEvents(String action, String vin) {
        return Rows.count(db, "SELECT count(*) FROM audit_event WHERE action = ? AND actor_subject = ? AND "
                + "(vin = ? OR vin IS NULL)", action, OWNER, vin);
    }

    private long exportsOf(String subject) {
        return Rows.count(db, "SELECT count(*) FROM export_record WHERE subject = ?", subject);
    }

    /** Two rows per record with random values (so they do not compress away), over the last day. */
    private void insertRecords(String vin) throws Exception {
        TelemetrySeed.ownedSince(db, vin, Instant.now().minus(Duration.ofDays(2)));
        try (Connection connection = db.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO telemetry (vin, recorded_at, seq, category, signals)
                    SELECT ?, now() - interval '1 day' + s * interval '300 milliseconds', s, c.category,
                           CASE c.category
                             WHEN 'vehicle_state' THEN jsonb_build_object('vehicle.speed', round((random() * 130)::numeric, 3),
                                  'vehicle.odometer', round((10000 + random() * 9000)::numeric, 2))
                             ELSE jsonb_build_object('battery.soc', round((random() * 100)::numeric, 4),
                                  'battery.voltage', round((350 + random() * 50)::numeric, 3)) END
                    FROM generate_series(1, ?) s CROSS JOIN (VALUES ('vehicle_state'), ('battery')) c(category)""")) {
                insert.setString(1, vin);
                insert.setInt(2, RECORDS);
                insert.executeUpdate();
            }
        }
    }

    /** The bytes already read, then the rest of the stream. */
    private static final class SequenceOfHeadAndRest extends java.io.SequenceInputStream {
        SequenceOfHeadAndRest(byte[] head, InputStream rest) {
            super(new java.io.ByteArrayInputStream(head), rest);
        }
    }
}
