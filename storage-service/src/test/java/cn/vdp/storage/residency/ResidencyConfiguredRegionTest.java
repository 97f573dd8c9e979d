package cn.vdp.storage.residency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.storage.residency.ResidencyStatus.Source;
import cn.vdp.storage.support.StorageTest;

/** Outside Kubernetes (the profile every other storage test runs in): the region is configuration. */
@StorageTest
class ResidencyConfiguredRegionTest {

    @Inject
    ResidencyGuard guard;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void theConfiguredAllowedRegionServes() {
        ResidencyStatus status = guard.status();
        assertTrue(status.allowed());
        assertEquals("cn-north-1", status.region().orElseThrow());
        assertEquals(Source.CONFIGURATION, status.source());
        assertTrue(status.node().isEmpty());
        assertEquals(List.of("cn-north-1", "cn-northwest-1"), status.allowedRegions());
        given().get(ready).then().statusCode(200)
                .body("checks.find { it.name == 'residency' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'residency' }.data.source", equalTo("configuration"));
        given().get(metrics).then().body(containsString(
                "storage_residency_allowed{region=\"cn-north-1\",source=\"configuration\"} 1.0"));
    }
}
