package cn.vdp.portal.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Rows;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Tokens;
import cn.vdp.portal.web.PortalTime;

/**
 * An erasure request through the portal's API: the receipt comes at once, storage-service completes it, and
 * afterwards nothing of the owner's periods is left while the next owner's data of the same car is untouched.
 */
@PortalTest
class ErasureApiTest {

    static final String FIRST = "erasure-first-owner";
    static final String NEXT = "erasure-next-owner";
    static final String COUNT_BETWEEN = "SELECT count(*) FROM telemetry WHERE vin = ? AND recorded_at >= ?::timestamptz"
            + " AND recorded_at < ?::timestamptz";
    static String car;

    @BeforeAll
    static void aCarThatChangedHands() {
        car = Seed.vehicle(FIRST, "Model Y");
        Seed.drive(car, 1, 25, Instant.now(), Duration.ofMillis(1), true);
        Seed.transfer(car, NEXT);
        Seed.drive(car, 100, 15, Instant.now().plusSeconds(5), Duration.ofSeconds(1), true);
    }

    @Test
    void erasesTheOwnersPeriodsAndKeepsTheNextOwnersData() {
        JsonPath period = given().auth().oauth2(Tokens.owner(FIRST)).get("/api/v1/vehicles/" + car).then()
                .statusCode(200).extract().jsonPath();
        String from = period.getString("periods[0].from");
        String to = period.getString("periods[0].to");
        assertThat(Rows.count(COUNT_BETWEEN, car, from, to)).isPositive();
        long nextOwners = Rows.count(COUNT_BETWEEN, car, to, "infinity");
        assertThat(nextOwners).isPositive();

        JsonPath receipt = given().auth().oauth2(Tokens.owner(FIRST)).contentType("application/json")
                .body(Map.of()).post("/api/v1/erasure-requests").then().statusCode(202)
                .body("id", notNullValue()).body("requestedAt", notNullValue()).body("dueBy", notNullValue())
                .extract().jsonPath();
        String id = receipt.getString("id");
        // Ten working days after the request: at least 12 calendar days (two weekends), a date in China.
        LocalDate requested = LocalDate.ofInstant(Instant.parse(receipt.getString("requestedAt")), PortalTime.ZONE);
        assertThat(LocalDate.parse(receipt.getString("dueBy"))).isAfterOrEqualTo(requested.plusDays(12));

        String status = awaitFinished(id);
        assertThat(status).isEqualTo("COMPLETED");
        assertThat(Rows.count(COUNT_BETWEEN, car, from, to)).isZero();
        assertThat(Rows.count(COUNT_BETWEEN, car, to, "infinity")).isEqualTo(nextOwners);
        given().auth().oauth2(Tokens.owner(NEXT)).queryParam("limit", "100").get("/api/v1/vehicles/" + car + "/telemetry")
                .then().statusCode(200).body("records.size()", equalTo(15));
        // The receipt is the first owner's: nobody else can read it.
        given().auth().oauth2(Tokens.owner(NEXT)).get("/api/v1/erasure-requests/" + id).then().statusCode(404);
        List<String> ids = given().auth().oauth2(Tokens.owner(FIRST)).get("/api/v1/erasure-requests").then()
                .statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(ids).contains(id);
    }

    @Test
    void anotherOwnersVehicleCannotBeNamedInARequest() {
        String stranger = Seed.vehicle("erasure-stranger", "Model 3");
        given().auth().oauth2(Tokens.owner(FIRST)).contentType("application/json")
                .body(Map.of("vins", List.of(stranger))).post("/api/v1/erasure-requests").then().statusCode(404);
        given().auth().oauth2(Tokens.owner(FIRST)).get("/api/v1/erasure-requests/not%20an%20id").then()
                .statusCode(404);
    }

    static String awaitFinished(String id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            String status = given().auth().oauth2(Tokens.owner(FIRST)).get("/api/v1/erasure-requests/" + id).then()
                    .statusCode(200).extract().jsonPath().getString("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status) || System.nanoTime() > deadline) {
                return status;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }
}
