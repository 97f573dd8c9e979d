package cn.vdp.ingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.http.TestHTTPResourceManager;

import cn.vdp.common.security.Roles;
import cn.vdp.common.testing.OpenApiOperations;
import cn.vdp.common.testing.OpenApiOperations.Operation;
import cn.vdp.devcerts.TlsContexts;
import cn.vdp.ingest.support.Car;
import cn.vdp.ingest.support.IngestTest;
import cn.vdp.ingest.support.IngestTestResources;
import cn.vdp.ingest.support.Storage;

/**
 * ingest-service's writes are for cars only: the connection needs a fleet client certificate, so a regulator's
 * bearer token (or anyone's) never reaches them. Enumerated from the service's own OpenAPI document, so a write
 * endpoint added later is covered too.
 */
@IngestTest
class NoRegulatorPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void aRegulatorTokenWithoutClientCertificateIsRefusedOnEveryWriteEndpoint() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        List<Operation> writes = OpenApiOperations.writes(JSON.readTree(plain.send(HttpRequest.newBuilder(openApi.toURI())
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body()));
        assertFalse(writes.isEmpty(), "the document lists the telemetry intake");

        String vin = Car.newVin();
        Storage.register(vin, "CN", "owner-" + vin);
        String regulator = IngestTestResources.tokens().jwt().token("regulator-1", "vdp-portal", Roles.REGULATOR);
        HttpClient noCertificate = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(TlsContexts.client(null, null, IngestTestResources.certificates().serverCa())).build();
        byte[] body = JSON.writeValueAsBytes(Map.of("records", List.of(Car.record(vin, 1, Instant.now().minusSeconds(5),
                Map.of("vehicle.speed", 10.0)))));
        for (Operation operation : writes) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(TestHTTPResourceManager.getSslUri()
                    + operation.fill(Map.of("vin", vin)))).header("Authorization", "Bearer " + regulator)
                    .header("Content-Type", operation.contentType()).timeout(Duration.ofSeconds(10))
                    .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build();
            assertThrows(IOException.class, () -> noCertificate.send(request, HttpResponse.BodyHandlers.ofString()),
                    operation + ": the TLS handshake fails without a fleet certificate, whatever the token");
        }
        assertEquals(0, Storage.records(vin), "nothing stored");
    }
}
