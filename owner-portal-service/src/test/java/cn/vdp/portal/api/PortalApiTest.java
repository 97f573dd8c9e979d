package cn.vdp.portal.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Tokens;

/** The portal's JSON API for apps: privacy notice, consent, OpenAPI; bearer tokens only. */
@PortalTest
class PortalApiTest {

    static final String OWNER = "api-owner";
    static String car;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @BeforeAll
    static void anOwnerWithACar() {
        car = Seed.vehicle(OWNER, "Model Y");
    }

    @Test
    void privacyNoticeIsPublicAndSpeaksTheAppsLanguage() {
        given().get("/api/v1/privacy-notice").then().statusCode(200).body("language", equalTo("en"))
                .body("categories.category", hasItems("location", "driving", "cabin_media", "battery"))
                .body("categories.find { it.category == 'location' }.consentRequired", equalTo(true))
                .body("categories.find { it.category == 'location' }.retentionDays", equalTo(30))
                .body("categories.find { it.category == 'location' }.storedIn", equalTo("CN"))
                .body("categories.find { it.category == 'location' }.signals", hasItems("location.latitude"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/api/v1/privacy-notice").then().statusCode(200)
                .body("language", equalTo("zh"))
                .body("categories.find { it.category == 'location' }.name", equalTo("位置"));
    }

    @Test
    void consentIsChangedThroughStorageWithItsRules() {
        String token = Tokens.owner(OWNER);
        Instant until = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("granted", true, "expiresAt", until.toString()))
                .put("/api/v1/vehicles/" + car + "/consents/driving").then().statusCode(200)
                .body("live", equalTo(true)).body("expiresAt", equalTo(until.toString()));
        // There is no "forever": granting without an end is refused by storage-service, and nothing changes.
        given().auth().oauth2(token).contentType("application/json").body(Map.of("granted", true))
                .put("/api/v1/vehicles/" + car + "/consents/location").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/expiresAt"));
        given().auth().oauth2(token).get("/api/v1/vehicles/" + car + "/consents").then().statusCode(200)
                .body("find { it.category == 'location' }.granted", equalTo(false))
                .body("find { it.category == 'driving' }.granted", equalTo(true));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("granted", false))
                .put("/api/v1/vehicles/" + car + "/consents/battery").then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json").body("{\"granted\": tru")
                .put("/api/v1/vehicles/" + car + "/consents/driving").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theApiNeverStartsABrowserSignIn() {
        // Without a bearer token an app gets 401, not a redirect to a login page.
        given().redirects().follow(false).accept("application/json").get("/api/v1/vehicles").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().redirects().follow(false).get("/api/v1/erasure-requests").then().statusCode(401);
    }

    @Test
    void ownerPagesSendABrowserToSignIn() {
        given().redirects().follow(false).get("/vehicles").then().statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"));
    }

    @Test
    void openApiDocumentsTheAppsApi() {
        given().accept("application/json").get(openApi).then().statusCode(200)
                .body("paths", hasKey("/api/v1/vehicles"))
                .body("paths", hasKey("/api/v1/vehicles/{vin}/telemetry"))
                .body("paths", hasKey("/api/v1/vehicles/{vin}/consents/{category}"))
                .body("paths", hasKey("/api/v1/exports/mine"))
                .body("paths", hasKey("/api/v1/exports/verifications"))
                .body("paths", hasKey("/api/v1/erasure-requests/{id}"))
                .body("paths", hasKey("/api/v1/privacy-notice"))
                .body("paths.'/api/v1/vehicles/{vin}'.get.responses", hasKey("404"));
    }
}
