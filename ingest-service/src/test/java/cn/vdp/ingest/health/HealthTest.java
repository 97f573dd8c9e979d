package cn.vdp.ingest.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.ingest.support.IngestTest;

@IngestTest
class HealthTest {

    /** The management interface root is /q, so these URLs need no prefix. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void answersHealthOnThePlainManagementPortWithoutACertificate() {
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void documentsTheBatchEndpointWithItsProblemAnswersAndTheCertificateScheme() {
        given().accept("application/json").get(openApi).then().statusCode(200)
                .body("openapi", notNullValue())
                .body("paths.'/api/v1/telemetry/batches'.post.responses.'429'.content", notNullValue())
                .body("paths.'/api/v1/telemetry/batches'.post.responses.'503'.content", notNullValue())
                .body("components.securitySchemes.fleetCertificate.type", equalTo("mutualTLS"));
    }

    @Test
    void exposesIngestMetrics() {
        given().get(metrics).then().statusCode(200)
                .body(containsString("ingest_records_received_total"))
                .body(containsString("ingest_signals_dropped_total{category=\"location\"}"))
                .body(containsString("ingest_active_cars"));
    }
}
