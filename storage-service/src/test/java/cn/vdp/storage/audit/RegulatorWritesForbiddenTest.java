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
    void theRegulatorRoleRefusesWritesEvenWhereTheEndpointWouldLetTheCallerIn() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        // An owner who also holds the regulator role (a read-only account) changes nothing of their own either.
        as(Tokens.of("alice", "vdp-portal", "owner", "regulator"))
                .body(Map.of("granted", true, "expiresAt", java.time.Instant.now().plusSeconds(3600).toString()))
                .put("/api/v1/vehicles/" + vin + "/consents/location").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM consent WHERE vin = ?", vin), "no consent set");
        // Verification is open to any signed-in caller, e.g. the portal's role-less service token, but a regulator.
        byte[] notAZip = "not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        as(Tokens.of("service-account-vdp-portal", "vdp-portal")).contentType("application/zip").body(notAZip)
                .post("/api/v1/exports/verifications").then().statusCode(422);
        as(Tokens.regulator()).contentType("application/zip").body(notAZip)
                .post("/api/v1/exports/verifications").then().statusCode(403);
    }

    /**
     * What a regulator may read: the trail, its verification and checkpoints, the report, and the public key that
     * verifies checkpoints and exports. Every other read of the service's document answers 403, so no path leads a
     * regulator to telemetry (location tracks included), exports, consents or erasure receipts, new ones included.
     */
    private static final List<String> REGULATOR_READS = List.of("/api/v1/audit/", "/api/v1/compliance/",
            "/api/v1/exports/signing-key");

    @Test
    void aRegulatorReadsNothingButTheTrailTheReportAndThePublicKey() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Map<String, String> plausible = Map.of("vin", vin, "category", "location", "id", UUID.randomUUID().toString());
        List<Operation> reads = OpenApiOperations.all(json.readTree(
                given().accept("application/json").get(openApi).then().statusCode(200).extract().asString()))
                .stream().filter(o -> o.method().equals("GET")).toList();
        int refused = 0;
        for (Operation operation : reads) {
            boolean allowed = REGULATOR_READS.stream().anyMatch(operation.path()::startsWith);
            int status = as(Tokens.regulator()).request(operation.method(), operation.fill(plausible)).statusCode();
            if (allowed) {
                assertEquals(200, status, operation.toString());
            } else {
                assertEquals(403, status, operation + " is not for regulators");
                refused++;
            }
        }
        assertTrue(refused >= 8, "telemetry, latest values, vehicles, consents, exports, erasures: " + reads);
    }
}
