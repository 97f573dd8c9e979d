package cn.vdp.ingest.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import cn.vdp.common.testing.PackagedApp;

/**
 * The packaged ingest-service (the jar here; the native binary under -Pnative where Mandrel exists) in its prod
 * profile. Only the management interface is exercised: the cars' port becomes mutual TLS in the ingest work, and
 * its behaviour is tested there.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PackagedApp.class)
class IngestPackagedIT {

    @Test
    void servesHealthMetricsAndItsApiDocumentOnTheManagementPort() {
        given().get(PackagedApp.managementUrl("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"));
        given().get(PackagedApp.managementUrl("/q/health/live")).then().statusCode(200);
        given().get(PackagedApp.managementUrl("/q/metrics")).then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").get(PackagedApp.managementUrl("/q/openapi")).then().statusCode(200)
                .body("info.title", equalTo("VDP-CN ingest-service API")).body("openapi", notNullValue());
    }
}
