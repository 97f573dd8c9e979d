package cn.vdp.portal.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import cn.vdp.common.testing.PackagedApp;

/** The packaged owner-portal-service (the jar here; the native binary under -Pnative) in its prod profile. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedApp.class, restrictToAnnotatedClass = true)
class PortalPackagedIT {

    @Test
    void servesHealthAndItsApiDocumentOnTheManagementPort() {
        given().get(PackagedApp.managementUrl("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"));
        given().accept("application/json").get(PackagedApp.managementUrl("/q/openapi")).then().statusCode(200)
                .body("info.title", equalTo("VDP-CN owner portal API"));
    }

    @Test
    void answersAnUnknownApiPathWithAProblem() {
        given().accept("application/json").get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404))
                .body("type", equalTo("urn:vdp-cn:problem:not-found"));
    }
}
