package cn.vdp.storage.export;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static cn.vdp.storage.support.Api.transfer;
import static cn.vdp.storage.support.Exports.download;
import static cn.vdp.storage.support.Exports.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.export.ExportManifest;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;
import cn.vdp.storage.support.Zips;

@StorageTest
class ExportContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LISTED = List.of("vehicles.json", "consents.json", "telemetry.jsonl",
            "telemetry.csv", "trips.gpx");

    @Inject
    AgroalDataSource db;

    private static Map<String, Object> at(String vin, long seq, Instant when, double lat) {
        return record(vin, seq, when, Map.of("vehicle.speed", 30.5, "location.latitude", lat,
                "location.longitude", 121.47, "battery.soc", 77.0));
    }

    @Test
    void eachOwnerExportsExactlyTheirOwnPeriodsInEveryFormat() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "exp-alice");
        Thread.sleep(5);
        Instant aliceTime = Instant.now();
        send(List.of(at(vin, 1, aliceTime, 31.1), at(vin, 2, aliceTime.plusMillis(1), 31.2))).then().statusCode(200);
        Thread.sleep(1005);
        transfer(vin, "exp-bob");
        Thread.sleep(5);
        send(List.of(at(vin, 3, Instant.now(), 39.9))).then().statusCode(200);
        as(Tokens.owner("exp-bob")).body(Map.of("granted", true, "expiresAt",
                Instant.now().plus(5, ChronoUnit.DAYS).toString())).put("/api/v1/vehicles/" + vin + "/consents/location")
                .then().statusCode(200);

        Map<String, byte[]> alice = Zips.unzip(download("exp-alice"));
        assertEquals(List.of("vehicles.json", "consents.json", "telemetry.jsonl", "telemetry.csv", "trips.gpx",
                "manifest.json", "manifest.sig"), List.copyOf(alice.keySet()), "every file, the manifest last");
        List<String> aliceLines = text(alice, "telemetry.jsonl").lines().toList();
        assertEquals(2, aliceLines.size(), "alice's two records, not bob's");
        JsonNode first = JSON.readTree(aliceLines.get(0));
        assertEquals(vin, first.get("vin").asText());
        assertEquals(1, first.get("seq").asLong());
        assertEquals(aliceTime.truncatedTo(ChronoUnit.MICROS), Instant.parse(first.get("recordedAt").asText()));
        assertEquals(30.5, first.get("signals").get("vehicle.speed").asDouble(), "rows of all categories merged");
        assertEquals(77.0, first.get("signals").get("battery.soc").asDouble());
        assertEquals(31.1, first.get("signals").get("location.latitude").asDouble());
        // Values are matched with their delimiters: a bare "39.9" can occur in a timestamp such as 13:45:39.912.
        assertFalse(text(alice, "telemetry.csv").contains(",location.latitude,39.9,"),
                "bob's position is not in alice's CSV");
        assertFalse(text(alice, "trips.gpx").contains("lat=\"39.9\""), "nor in her GPX");
        assertTrue(text(alice, "trips.gpx").contains("lat=\"31.1\" lon=\"121.47\""));

        List<String> csv = text(alice, "telemetry.csv").lines().toList();
        assertEquals("vin,seq,recorded_at,signal,value,unit,category", csv.get(0));
        assertEquals(1 + 2 * 4, csv.size(), "a header and one line per signal value");
        assertTrue(csv.contains(vin + ",1," + first.get("recordedAt").asText() + ",battery.soc,77.0,%,battery"), csv.toString());

        JsonNode vehicles = JSON.readTree(alice.get("vehicles.json"));
        assertEquals(vin, vehicles.get(0).get("vin").asText());
        assertFalse(vehicles.get(0).get("currentOwner").asBoolean());
        assertEquals(1, vehicles.get(0).get("periods").size());
        assertEquals(0, JSON.readTree(alice.get("consents.json")).size(), "consents only of vehicles owned now");

        Map<String, byte[]> bob = Zips.unzip(download("exp-bob"));
        assertEquals(1, text(bob, "telemetry.jsonl").lines().count(), "bob sees only his record");
        assertTrue(text(bob, "telemetry.jsonl").contains("\"seq\":3,"));
        assertTrue(text(bob, "telemetry.csv").contains(",location.latitude,39.9,"), "the pattern alice's CSV lacks");
        assertTrue(text(bob, "trips.gpx").contains("lat=\"39.9\""), "the pattern alice's GPX lacks");
        JsonNode bobConsents = JSON.readTree(bob.get("consents.json"));
        assertEquals(vin, bobConsents.get(0).get("vin").asText());
        assertEquals("location", bobConsents.get(0).get("consents").get(0).get("category").asText());
        assertTrue(bobConsents.get(0).get("consents").get(0).get("live").asBoolean());
    }

    @Test
    void manifestListsEveryFileWithItsHashAndIsSignedByThePublishedKey() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "exp-carol");
        send(List.of(at(vin, 1, Instant.now().plusSeconds(1), 30.0))).then().statusCode(200);

        byte[] zip = download("exp-carol");
        Map<String, byte[]> files = Zips.unzip(zip);
        ExportManifest manifest = ExportManifest.parse(files.get("manifest.json"));
        assertEquals(ExportManifest.FORMAT, manifest.format());
        assertEquals("exp-carol", manifest.subject());
        assertEquals(List.of(vin), manifest.vins());
        assertEquals(LISTED, manifest.files().stream().map(ExportManifest.FileEntry::name).toList());
        for (ExportManifest.FileEntry file : manifest.files()) {
            assertEquals(Ed25519Keys.sha256Hex(files.get(file.name())), file.sha256(), file.name());
            assertEquals(files.get(file.name()).length, file.bytes(), file.name());
        }

        var key = given().auth().oauth2(Tokens.regulator()).get("/api/v1/exports/signing-key").then().statusCode(200)
                .body("algorithm", equalTo("Ed25519")).body("publicKeyPem", startsWith("-----BEGIN PUBLIC KEY-----"))
                .extract();
        var publicKey = Ed25519Keys.publicKeyFromPem(key.path("publicKeyPem"));
        assertEquals(Ed25519Keys.keyId(publicKey), key.path("keyId"));
        assertEquals(manifest.keyId(), key.path("keyId"));
        byte[] signature = Base64.getDecoder().decode(files.get("manifest.sig"));
        assertTrue(Ed25519Keys.verify(publicKey, files.get("manifest.json"), signature),
                "anyone can check the signature with the published key");

        assertEquals(1, Rows.count(db, "SELECT count(*) FROM export_record WHERE id = ?::uuid AND subject = ? "
                + "AND manifest_sha256 = ? AND file_count = 5 AND records = 1", manifest.exportId(), "exp-carol",
                Ed25519Keys.sha256Hex(files.get("manifest.json"))), "the export is registered");
    }

    @Test
    void positionsSplitIntoTripsWhereTheCarPaused() {
        String vin = TestVins.next();
        register(vin, "CN", "exp-dave");
        Instant start = Instant.now().plusSeconds(1);
        // Cars may run up to five minutes ahead; the test configuration ends a trip after a one-minute pause.
        send(List.of(at(vin, 1, start, 30.1), at(vin, 2, start.plusSeconds(10), 30.2),
                at(vin, 3, start.plusSeconds(100), 30.3))).then().statusCode(200);
        String gpx = text(Zips.unzip(download("exp-dave")), "trips.gpx");
        assertTrue(gpx.contains("<name>" + vin + " trip 1</name>") && gpx.contains("<name>" + vin + " trip 2</name>"),
                gpx);
        assertFalse(gpx.contains("trip 3"));
        // Matched with the attribute name: a bare "30.3" can occur in a timestamp such as 13:45:30.312.
        int secondTrip = gpx.indexOf("trip 2");
        assertTrue(gpx.indexOf("lat=\"30.2\"") < secondTrip && gpx.indexOf("lat=\"30.3\"") > secondTrip, gpx);
    }

    @Test
    void exportOfOneVehicleAndNotFoundForAnyOther() {
        String mine = TestVins.next();
        String other = TestVins.next();
        register(mine, "CN", "exp-erin");
        register(other, "CN", "exp-frank");
        Map<String, byte[]> one = Zips.unzip(download("exp-erin", mine));
        assertEquals(List.of(mine), ExportManifest.parse(one.get("manifest.json")).vins());

        for (String vin : List.of(other, TestVins.next(), "NOT-A-VIN")) {
            given().auth().oauth2(Tokens.owner("exp-erin")).queryParam("vin", vin).get("/api/v1/exports/mine")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.operator()).get("/api/v1/exports/mine").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/exports/mine").then().statusCode(401);
        given().get("/api/v1/exports/signing-key").then().statusCode(401);
    }
}
