package cn.vdp.storage.residency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.vdp.storage.support.Api;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/** Outside Kubernetes, started with a region that is not allowed: up, but not ready, and serving nothing. */
@StorageTest
@TestProfile(ResidencyForeignConfiguredRegionTest.ForeignRegion.class)
class ResidencyForeignConfiguredRegionTest {

    public static class ForeignRegion implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.storage.residency.region", "ap-southeast-1");
        }
    }

    @Inject
    ResidencyGuard guard;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Test
    void aForeignConfiguredRegionRefusesEveryApiRequestFromTheStart() {
        assertFalse(guard.status().allowed());
        assertEquals("ap-southeast-1", guard.status().region().orElseThrow());
        given().get(live).then().statusCode(200);
        given().get(ready).then().statusCode(503)
                .body("checks.find { it.name == 'residency' }.data.reason", containsString("ap-southeast-1"));
        ResidencyUnderKubernetesTest.assertRefused(Api.send(Api.records(TestVins.next(), 1, 1, Instant.now())));
        ResidencyUnderKubernetesTest.assertRefused(
                Api.as(Tokens.operator()).get("/api/v1/vehicles/" + TestVins.next()));
        given().get("/api/v1/nothing-here").then().statusCode(503)
                .body("type", equalTo("urn:vdp-cn:problem:region-not-allowed"));
    }
}
