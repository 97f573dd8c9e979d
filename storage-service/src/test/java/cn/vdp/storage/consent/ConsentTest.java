package cn.vdp.storage.consent;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.transfer;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class ConsentTest {

    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> grantUntil(Instant expiry) {
        return Map.of("granted", true, "expiresAt", expiry.toString());
    }

    @Test
    void everySensitiveCategoryIsOffUntilTheOwnerTurnsItOn() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + "/consents").then().statusCode(200)
                .body("category", equalTo(List.of("location", "driving", "cabin_media")))
                .body("live", equalTo(List.of(false, false, false)));
        as(Tokens.ingest()).body(Map.of("vins", List.of(vin))).post("/api/v1/consents/live")
                .then().statusCode(200).body("vehicles." + vin, empty());
    }

    @Test
    void ownerGivesConsentUntilADateAndIngestSeesItLive() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as(Tokens.owner("alice")).body(grantUntil(expiry)).put("/api/v1/vehicles/" + vin + "/consents/location")
                .then().statusCode(200).body("live", equalTo(true));
        as(Tokens.ingest()).body(Map.of("vins", List.of(vin))).post("/api/v1/consents/live")
                .then().statusCode(200)
                .body("vehicles." + vin + ".category", equalTo(List.of("location")))
                .body("vehicles." + vin + "[0].expiresAt", equalTo(expiry.toString()));

        as(Tokens.owner("alice")).body(Map.of("granted", false)).put("/api/v1/vehicles/" + vin + "/consents/location")
                .then().statusCode(200).body("live", equalTo(false));
        as(Tokens.ingest()).body(Map.of("vins", List.of(vin))).post("/api/v1/consents/live")
                .then().statusCode(200).body("vehicles." + vin, empty());
    }

    @Test
    void consentThatHasExpiredIsNotLive() throws InterruptedException {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("alice")).body(grantUntil(Instant.now().plusMillis(300)))
                .put("/api/v1/vehicles/" + vin + "/consents/driving").then().statusCode(200);
        Thread.sleep(400);
        as(Tokens.ingest()).body(Map.of("vins", List.of(vin))).post("/api/v1/consents/live")
                .then().statusCode(200).body("vehicles." + vin, empty());
    }

    @Test
    void refusesConsentWithoutEndOrTooLongOrForOtherCategories() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        String path = "/api/v1/vehicles/" + vin + "/consents/";
        as(Tokens.owner("alice")).body(Map.of("granted", true)).put(path + "location")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].pointer", equalTo("/expiresAt"));
        as(Tokens.owner("alice")).body(grantUntil(Instant.now().minusSeconds(1))).put(path + "location")
                .then().statusCode(422);
        as(Tokens.owner("alice")).body(grantUntil(Instant.now().plus(400, ChronoUnit.DAYS))).put(path + "location")
                .then().statusCode(422);
        as(Tokens.owner("alice")).body(grantUntil(Instant.now().plus(1, ChronoUnit.DAYS))).put(path + "battery")
                .then().statusCode(404).contentType(PROBLEM);
        as(Tokens.owner("mallory")).body(grantUntil(Instant.now().plus(1, ChronoUnit.DAYS))).put(path + "location")
                .then().statusCode(404).contentType(PROBLEM);
        as(Tokens.ingest()).body(Map.of("vins", List.of("BAD"))).post("/api/v1/consents/live")
                .then().statusCode(422).contentType(PROBLEM);
    }

    @Test
    void aNewOwnerStartsWithEverythingOffAndTheFormerOwnerCanNoLongerDecide() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("alice")).body(grantUntil(Instant.now().plus(10, ChronoUnit.DAYS)))
                .put("/api/v1/vehicles/" + vin + "/consents/location").then().statusCode(200);
        transfer(vin, "bob");
        as(Tokens.owner("bob")).get("/api/v1/vehicles/" + vin + "/consents").then().statusCode(200)
                .body("live", equalTo(List.of(false, false, false)));
        as(Tokens.ingest()).body(Map.of("vins", List.of(vin))).post("/api/v1/consents/live")
                .then().statusCode(200).body("vehicles." + vin, empty());
        as(Tokens.owner("alice")).body(grantUntil(Instant.now().plus(1, ChronoUnit.DAYS)))
                .put("/api/v1/vehicles/" + vin + "/consents/location").then().statusCode(404);
    }
}
