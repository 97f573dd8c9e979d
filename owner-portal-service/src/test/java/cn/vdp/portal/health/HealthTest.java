package cn.vdp.portal.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.portal.support.PortalTest;

@PortalTest
class HealthTest {

    /** The management interface root is /q, so these URLs need no prefix. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void answersHealthAndOpenApiOnTheManagementPort() {
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get(openApi).then().statusCode(200).body("openapi", notNullValue());
    }
}
