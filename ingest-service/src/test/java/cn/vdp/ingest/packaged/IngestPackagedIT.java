package cn.vdp.ingest.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import cn.vdp.common.testing.PackagedApp;

/**
 * The packaged ingest-service (the jar here; the native binary under -Pnative where Mandrel exists) in its prod
 * profile. Only the management interface is exercised here; the cars' mutual-TLS port and its behaviour are
 * tested by the @QuarkusTest classes against a real storage-service.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedApp.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = IngestProdSettings.class, restrictToAnnotatedClass = true)
class IngestPackagedIT {

    @Test
    void servesHealthMetricsAndItsApiDocumentOnTheManagementPort() {
        given().get(PackagedApp.managementUrl("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"));
        given().get(PackagedApp.managementUrl("/q/health/live")).then().statusCode(200);
        given().get(PackagedApp.managementUrl("/q/metrics")).then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").get(PackagedApp.managementUrl("/q/openapi")).then().statusCode(200)
                .body("info.title", equalTo("VDP-CN ingest-service API")).body("openapi", notNullValue());
    }

    @Test
    void logsOneJsonObjectPerLineInProd() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("target/quarkus.log"));
        assertFalse(lines.isEmpty());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            if (!line.isBlank()) {
                JsonNode entry = json.readTree(line);
                assertFalse(entry.path("level").asText().isEmpty(), line);
                assertTrue(entry.has("message"), line);
            }
        }
    }
}
