package cn.vdp.storage.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.storage.support.StorageTest;

@StorageTest
class HealthAndOpenApiTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** The management interface root is /q, so these URLs need no prefix. */
    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void readinessChecksTheDatabaseAndThePartitionsWithoutAToken() {
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "telemetry-partitions"));
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedOnTheManagementPort() {
        given().get(metrics).then().statusCode(200).body(containsString("storage_records_stored_total"));
    }

    @Test
    void openApiDocumentsEveryOperationWithProblemAnswers() {
        given().accept("application/json").get(openApi).then().statusCode(200)
                .body("paths.'/api/v1/telemetry/batches'.post.responses.'422'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/v1/vehicles/{vin}/telemetry'.get.responses.'404'", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("paths.'/api/v1/exports/mine'.get.responses.'200'.content.'application/zip'", notNullValue())
                .body("paths.'/api/v1/exports/mine'.get.responses.'429'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/v1/exports/verifications'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/erasure-requests'.post.responses.'202'", notNullValue())
                .body("paths.'/api/v1/erasure-requests/{id}'.get.responses.'404'", notNullValue());
    }

    @Test
    void unknownPathsAnswerWithProblem() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
