package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.vdp.storage.support.Api;
import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class RegulatorApiTest {

    @Inject
    AgroalDataSource db;

    @Inject
    AuditCheckpoints checkpoints;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/openapi", management = true)
    java.net.URL openApi;

    private String requestId;

    private RequestSpecification regulator() {
        requestId = "r-" + UUID.randomUUID();
        return Api.as(Tokens.regulator()).header("X-Request-Id", requestId);
    }

    /** A car with an operator's registration, two reads by its owner and one denied read by someone else. */
    private String carWithHistory() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Api.as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + "/telemetry").then().statusCode(200);
        Api.as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + "/latest").then().statusCode(200);
        Api.as(Tokens.owner("mallory")).get("/api/v1/vehicles/" + vin + "/telemetry").then().statusCode(404);
        return vin;
    }

    private void assertOwnQueryAudited(String action) {
        List<Map<String, Object>> events = AuditRows.ofRequest(db, requestId);
        assertEquals(1, events.size(), events.toString());
        assertEquals(action, events.get(0).get("action"));
        assertEquals("regulator-1", events.get(0).get("actor_subject"));
        assertEquals("regulator", events.get(0).get("actor_role"));
        assertEquals("success", events.get(0).get("outcome"));
    }

    @Test
    void browsesByVinActorActionAndOutcomeNewestFirst() {
        String vin = carWithHistory();
        JsonPath all = regulator().get("/api/v1/audit/events?vin=" + vin).then().statusCode(200)
                .body("events.vin", everyItem(equalTo(vin)))
                .body("events.hash", everyItem(matchesPattern("[0-9a-f]{64}")))
                .extract().jsonPath();
        // The reads' events join the chain a moment after the denial, which is appended at once: the chain's order
        // (the ids) may differ from the order of occurred_at by that moment.
        List<String> actions = all.getList("events.action");
        assertEquals(List.of("telemetry.latest", "telemetry.read", "telemetry.read"),
                actions.subList(0, 3).stream().sorted().toList(), actions.toString());
        assertEquals("vehicle.register", actions.get(3));
        assertOwnQueryAudited("audit.browse");
        assertEquals(vin, AuditRows.ofRequest(db, requestId).get(0).get("vin"), "the query names the VIN asked about");
        List<Integer> ids = all.getList("events.id");
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), "newest first");

        regulator().get("/api/v1/audit/events?vin=" + vin + "&outcome=denied").then().statusCode(200)
                .body("events", hasSize(1)).body("events[0].actorSubject", equalTo("mallory"))
                .body("events[0].detail", equalTo("404 GET /api/v1/vehicles/{vin}/telemetry"));
        regulator().get("/api/v1/audit/events?vin=" + vin + "&actor=alice&action=telemetry.latest").then()
                .statusCode(200).body("events", hasSize(1)).body("events[0].categories", notNullValue());
        Instant registered = Instant.parse(all.getString("events[3].occurredAt"));
        regulator().get("/api/v1/audit/events?vin=" + vin + "&to=" + registered.plusNanos(1000)).then()
                .statusCode(200).body("events.action", equalTo(List.of("vehicle.register")));
        regulator().get("/api/v1/audit/events?vin=" + vin + "&action=audit.browse").then().statusCode(200)
                .body("events.actorSubject", everyItem(equalTo("regulator-1")));
    }

    @Test
    void theFiltersAreDocumentedForBrowsingAndExport() {
        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/events.csv")) {
            List<String> names = io.restassured.RestAssured.given().accept("application/json").get(openApi).then()
                    .statusCode(200).extract().jsonPath().getList("paths.'" + path + "'.get.parameters.name");
            assertTrue(names.containsAll(List.of("from", "to", "vin", "actor", "action", "outcome")), path + ": " + names);
        }
    }

    @Test
    void pagesWithACursorWithoutGapsOrRepeats() {
        String vin = carWithHistory();
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = regulator().get("/api/v1/audit/events?vin=" + vin + "&action=telemetry.read&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("events.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(2, seen.size(), "both reads, once each: " + seen);
        assertEquals(2, Rows.count(db, "SELECT count(*) FROM audit_event WHERE vin = ? AND action = 'telemetry.read'",
                vin));
    }

    @Test
    void malformedFiltersAreRefusedWithProblems() {
        for (String query : List.of("vin=NOTAVIN", "action=telemetry.steal", "outcome=maybe", "limit=0", "limit=x",
                "cursor=bm9wZQ", "from=yesterday", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            regulator().get("/api/v1/audit/events?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void exportsTheMatchingEventsAsCsvUpToTheMomentAsked() {
        String vin = carWithHistory();
        long before = AuditRows.lastId(db);
        String csv = regulator().get("/api/v1/audit/events.csv?vin=" + vin).then().statusCode(200)
                .contentType(matchesPattern("text/csv.*")).extract().asString();
        assertOwnQueryAudited("audit.export");
        String[] lines = csv.split("\r\n");
        assertEquals("id,occurred_at,request_id,actor_subject,actor_role,actor_client,action,outcome,vin,categories,"
                + "range_from,range_to,quantity,detail,prev_hash,hash", lines[0]);
        assertEquals(Rows.count(db, "SELECT count(*) FROM audit_event WHERE vin = ? AND id <= ?", vin, before),
                lines.length - 1, csv);
        assertTrue(lines[1].contains(",vehicle.register,success," + vin + ","), "oldest first: " + lines[1]);
    }

    @Test
    void verificationAndCheckpointsAreReadOnlyAndAudited() throws Exception {
        carWithHistory();
        AuditRows.awaitChained(db); // the checkpoint then signs the head the verification will reach
        Checkpoint made = checkpoints.create().orElseThrow();
        regulator().get("/api/v1/audit/verification").then().statusCode(200).body("status", equalTo("INTACT"))
                .body("eventsVerified", equalTo((int) made.headId()))
                .body("lastVerifiedId", equalTo((int) made.headId()))
                .body("checkpoints.latest.id", equalTo((int) made.id()));
        assertOwnQueryAudited("audit.verify");

        JsonPath page = regulator().get("/api/v1/audit/checkpoints?limit=1").then().statusCode(200)
                .body("checkpoints", hasSize(1)).body("checkpoints[0].id", equalTo((int) made.id()))
                .body("checkpoints[0].signatureValid", equalTo(true)).extract().jsonPath();
        assertOwnQueryAudited("audit.checkpoints");

        // Signed with the platform key, the one that signs exports: the key published for exports verifies it.
        JsonPath platformKey = regulator().get("/api/v1/exports/signing-key").then().statusCode(200).extract().jsonPath();
        assertEquals(platformKey.getString("keyId"), page.getString("checkpoints[0].keyId"));
        assertEquals(platformKey.getString("keyId"), page.getString("keyId"));
        assertEquals(platformKey.getString("publicKeyPem"), page.getString("publicKey"));

        // A regulator can check the signature with nothing but the published key and the documented content.
        String pem = platformKey.getString("publicKeyPem");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""))));
        String signed = "vdp-cn audit checkpoint v1\nhead_id=" + page.getLong("checkpoints[0].headId")
                + "\nhead_hash=" + page.getString("checkpoints[0].headHash")
                + "\nevent_count=" + page.getLong("checkpoints[0].eventCount")
                + "\ncreated_at=" + AuditCanonical.instantText(Instant.parse(page.getString("checkpoints[0].createdAt")))
                + "\nkey_id=" + page.getString("checkpoints[0].keyId") + "\n";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getDecoder().decode(page.getString("checkpoints[0].signature"))));
        assertNotNull(HexFormat.of().parseHex(page.getString("checkpoints[0].headHash")));
    }

    @Test
    void onlyRegulatorsReadTheTrailAndTheirRefusalsAreAuditedToo() {
        for (String token : List.of(Tokens.owner("alice"), Tokens.operator(), Tokens.ingest())) {
            for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/events.csv", "/api/v1/audit/verification",
                    "/api/v1/audit/checkpoints", "/api/v1/compliance/report", "/api/v1/compliance/report.csv")) {
                requestId = "n-" + UUID.randomUUID();
                Api.as(token).header("X-Request-Id", requestId).get(path).then().statusCode(403);
                assertEquals("denied", AuditRows.ofRequest(db, requestId).get(0).get("outcome"), path);
            }
        }
    }
}
