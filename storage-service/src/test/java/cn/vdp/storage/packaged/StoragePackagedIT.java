package cn.vdp.storage.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import cn.vdp.common.testing.PackagedApp;
import cn.vdp.storage.support.Api;
import cn.vdp.storage.support.PostgresResource;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * The packaged storage-service (the jar here; the native binary under -Pnative where Mandrel exists) in its prod
 * profile, against real PostgreSQL and real signed tokens.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = ProdSettingsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PackagedApp.class, restrictToAnnotatedClass = true)
class StoragePackagedIT {

    @Test
    void isReadyInItsRegionAndStoresAndServesTelemetry() throws InterruptedException {
        given().get(PackagedApp.managementUrl("/q/health/ready")).then().statusCode(200)
                .body("checks.name", hasItem("residency"));

        String vin = TestVins.next();
        Api.register(vin, "CN", "packaged-owner");
        Thread.sleep(5); // records count from the start of the ownership period
        Instant at = Instant.now();
        Api.send(Api.records(vin, 1, 3, at)).then().statusCode(200).body("stored", equalTo(3));
        Api.send(Api.records(vin, 1, 3, at)).then().statusCode(200).body("duplicates", equalTo(3));

        Api.as(Tokens.owner("packaged-owner")).get("/api/v1/vehicles/" + vin + "/telemetry").then()
                .statusCode(200).body("records", hasSize(3));
        Api.as(Tokens.owner("someone-else")).get("/api/v1/vehicles/" + vin + "/telemetry").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
