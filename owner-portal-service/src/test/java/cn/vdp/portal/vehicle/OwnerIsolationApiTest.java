package cn.vdp.portal.vehicle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.ValidatableResponse;

import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Tokens;

/** Through the portal's JSON API, owner A sees A's car and never B's, whatever URL A makes up. */
@PortalTest
class OwnerIsolationApiTest {

    static final String OWNER_A = "iso-owner-a";
    static final String OWNER_B = "iso-owner-b";
    static String vinA;
    static String vinB;

    @BeforeAll
    static void twoOwnersWithACarEach() {
        vinA = Seed.vehicle(OWNER_A, "Model A");
        vinB = Seed.vehicle(OWNER_B, "Model B");
        // An owner sees what was recorded since the car became theirs: from now on.
        Instant start = Instant.now();
        Seed.drive(vinA, 1, 20, start, Duration.ofSeconds(1), false);
        Seed.drive(vinB, 1, 20, start, Duration.ofSeconds(1), true);
    }

    @Test
    void listsOnlyTheCallersOwnVehicles() {
        given().auth().oauth2(Tokens.owner(OWNER_A)).get("/api/v1/vehicles").then().statusCode(200)
                .body("vin", hasItem(vinA)).body("vin", not(hasItem(vinB)))
                .body("find { it.vin == '" + vinA + "' }.model", equalTo("Model A"))
                .body("find { it.vin == '" + vinA + "' }.currentOwner", equalTo(true));
    }

    @Test
    void showsTheCallersOwnVehicleWithLatestValuesAndHistory() {
        String token = Tokens.owner(OWNER_A);
        given().auth().oauth2(token).get("/api/v1/vehicles/" + vinA).then().statusCode(200)
                .body("vin", equalTo(vinA));
        given().auth().oauth2(token).get("/api/v1/vehicles/" + vinA + "/latest").then().statusCode(200)
                .body("signals.signal", hasItem("battery.soc"));
        given().auth().oauth2(token).queryParam("limit", "5").get("/api/v1/vehicles/" + vinA + "/telemetry")
                .then().statusCode(200).body("records.size()", equalTo(5));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/latest", "/telemetry", "/consents" })
    void answersNotFoundForAnotherOwnersVehicle(String what) {
        notFound(given().auth().oauth2(Tokens.owner(OWNER_A)).get("/api/v1/vehicles/" + vinB + what).then());
    }

    @Test
    void answersNotFoundForAnotherOwnersConsentChangeAndExport() {
        notFound(given().auth().oauth2(Tokens.owner(OWNER_A)).contentType("application/json")
                .body("{\"granted\":false}").put("/api/v1/vehicles/" + vinB + "/consents/location").then());
        given().auth().oauth2(Tokens.owner(OWNER_B)).get("/api/v1/vehicles/" + vinB + "/consents").then()
                .statusCode(200).body("find { it.category == 'location' }.granted", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "NOT-A-VIN", "..%2F..%2Fretention%2Fpurges", "LRW00000000000000" })
    void answersNotFoundForAnythingThatIsNotAVin(String vin) {
        notFound(given().auth().oauth2(Tokens.owner(OWNER_A)).urlEncodingEnabled(false)
                .get("/api/v1/vehicles/" + vin + "/latest").then());
    }

    @Test
    void refusesCallersWithoutTokenOrWithoutTheOwnerRole() {
        given().get("/api/v1/vehicles").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(Tokens.access("regulator-1", "regulator")).get("/api/v1/vehicles").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:vdp-cn:problem:forbidden"));
        given().auth().oauth2(Tokens.owner(OWNER_A) + "x").get("/api/v1/vehicles").then().statusCode(401);
    }

    @Test
    void passesStorageValidationProblemsOn() {
        given().auth().oauth2(Tokens.owner(OWNER_A)).queryParam("from", "yesterday")
                .get("/api/v1/vehicles/" + vinA + "/telemetry").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:vdp-cn:problem:malformed-request"))
                .body("errors[0].pointer", equalTo("from"));
    }

    private static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:vdp-cn:problem:not-found"));
    }
}
