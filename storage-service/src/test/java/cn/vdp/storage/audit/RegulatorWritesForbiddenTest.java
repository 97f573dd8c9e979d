package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.common.testing.OpenApiOperations;
import cn.vdp.common.testing.OpenApiOperations.Operation;
import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * A regulator changes nothing: every write operation storage-service documents answers 403 to them, is audited
 * as a denial, and changes nothing. The operations come from the service's own OpenAPI document, so a new
 * endpoint is covered the day it is added (and a new path parameter makes this test ask for a plausible value).
 */
@StorageTest
class RegulatorWritesForbiddenTest {

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Test
    void everyWriteEndpointAnswers403ToARegulatorAndLeavesADenial() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Map<String, String> plausible = Map.of("vin", vin, "category", "location");

        List<Operation> writes = OpenApiOperations.writes(json.readTree(
                given().accept("application/json").get(openApi).then().statusCode(200).extract().asString()));
        assertTrue(writes.size() >= 6, "the document lists the service's writes: " + writes);
        for (Operation operation : writes) {
            String requestId = "w-" + UUID.randomUUID();
            as(Tokens.regulator()).header("X-Request-Id", requestId).contentType(operation.contentType())
                    .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .request(operation.method(), operation.fill(plausible))
                    .then().statusCode(403).contentType("application/problem+json");
            List<Map<String, Object>> events = AuditRows.ofRequest(db, requestId);
            assertEquals(1, events.size(), operation + " leaves one event: " + events);
            assertEquals("denied", events.get(0).get("outcome"), operation.toString());
            assertEquals("regulator-1", events.get(0).get("actor_subject"), operation.toString());
            assertEquals("regulator", events.get(0).get("actor_role"), operation.toString());
        }

        assertEquals(1, Rows.count(db, "SELECT count(*) FROM ownership WHERE vin = ?", vin), "not transferred");
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM consent WHERE vin = ?", vin), "no consent set");
        assertEquals(0, Rows.telemetryRows(db, vin), "nothing stored");
    }

    @Test
    void aRegulatorSeesNoRawTelemetryNorAnOwnersVehicle() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        for (String path : List.of("/telemetry", "/latest", "", "/consents")) {
            as(Tokens.regulator()).get("/api/v1/vehicles/" + vin + path).then().statusCode(403);
        }
    }
}
