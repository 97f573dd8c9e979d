package cn.vdp.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The portal starts and serves its public pages while the identity provider is down (as under make run before
 * Keycloak is there); signing in says so instead of failing with a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = IdentityProviderDownTest.NoIdentityProvider.class, restrictToAnnotatedClass = true)
class IdentityProviderDownTest {

    /** An identity provider address where nothing listens. */
    public static class NoIdentityProvider implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("keycloak.url", "http://localhost:" + socket.getLocalPort() + "/auth",
                        "quarkus.rest-client.storage.url", "http://localhost:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void publicPagesWork() {
        given().get("/").then().statusCode(200).body(containsString("id=\"sign-in\""));
        given().header("Accept-Language", "zh-CN").get("/privacy").then().statusCode(200)
                .body(containsString("收集哪些数据"));
        given().get("/verify").then().statusCode(200);
        given().get("/api/v1/privacy-notice").then().statusCode(200);
    }

    @Test
    void signingInSaysTheSignInServiceIsUnavailable() {
        given().redirects().follow(false).header("Accept-Language", "zh-CN").get("/vehicles").then().statusCode(503)
                .header("Retry-After", "30").contentType(containsString("text/html"))
                .body(containsString("暂时无法登录"));
        given().auth().oauth2("a.b.c").get("/api/v1/vehicles").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vdp-cn:problem:service-unavailable"));
    }

    @Test
    void verifyingNeedsThePortalsOwnTokenAndSaysSoWhenItCannotHaveIt() {
        given().get("/api/v1/exports/signing-key").then().statusCode(503).header("Retry-After", "30")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vdp-cn:problem:service-unavailable"));
        given().multiPart("file", "export.zip", new byte[] { 'P', 'K', 3, 4 }, "application/zip").post("/verify")
                .then().statusCode(503).contentType(containsString("text/html"))
                .body(containsString("id=\"error\""));
    }
}
