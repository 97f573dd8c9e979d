package cn.vdp.storage.residency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

import cn.vdp.storage.residency.ResidencyStatus.Source;
import cn.vdp.storage.support.Api;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * Under Kubernetes: the region is the label of this pod's node, read through the Kubernetes API (a mock API server
 * here). Each test sets the node up, makes the guard check again, and looks at what a caller would notice.
 */
@StorageTest
@WithKubernetesTestServer(crud = true, setup = ResidencyUnderKubernetesTest.AllowedNode.class)
@TestProfile(ResidencyUnderKubernetesTest.UnderKubernetes.class)
class ResidencyUnderKubernetesTest {

    static final String NODE = "cn-node-7";
    static final String LABEL = "topology.kubernetes.io/region";

    public static class UnderKubernetes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storage.residency.node-name", NODE);
        }
    }

    public static class AllowedNode implements Consumer<KubernetesServer> {
        @Override
        public void accept(KubernetesServer server) {
            server.getClient().nodes().resource(node("cn-northwest-1")).create();
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    ResidencyGuard guard;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @AfterEach
    void backOnAnAllowedNode() {
        server.getClient().nodes().withName(NODE).delete();
        server.getClient().nodes().resource(node("cn-northwest-1")).create();
        assertTrue(guard.recheck().allowed());
    }

    @Test
    void anAllowedNodeServesAndShowsItsRegion() {
        // As found at startup, before any test touched the node.
        ResidencyStatus status = guard.status();
        assertTrue(status.allowed(), status.reason());
        assertEquals("cn-northwest-1", status.region().orElseThrow());
        assertEquals(Source.KUBERNETES_NODE, status.source());
        assertEquals(NODE, status.node().orElseThrow());

        given().get(ready).then().statusCode(200).body("checks.find { it.name == 'residency' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'residency' }.data.region", equalTo("cn-northwest-1"))
                .body("checks.find { it.name == 'residency' }.data.node", equalTo(NODE));
        given().get(metrics).then().statusCode(200).body(containsString(
                "storage_residency_allowed{region=\"cn-northwest-1\",source=\"kubernetes-node\"} 1.0"));
        String vin = TestVins.next();
        Api.register(vin, "CN", "alice");
        Api.send(Api.records(vin, 1, 2, Instant.now().minus(1, ChronoUnit.HOURS))).then().statusCode(200)
                .body("stored", equalTo(2));
    }

    @Test
    void aForeignNodeIsNotReadyAndRefusesReadsAndWrites() {
        String vin = TestVins.next();
        Api.register(vin, "CN", "bob");

        server.getClient().nodes().withName(NODE).edit(n -> new NodeBuilder(n).editMetadata()
                .addToLabels(LABEL, "eu-central-1").endMetadata().build());
        ResidencyStatus status = guard.recheck();

        assertFalse(status.allowed());
        assertEquals("eu-central-1", status.region().orElseThrow());
        given().get(ready).then().statusCode(503)
                .body("checks.find { it.name == 'residency' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'residency' }.data.region", equalTo("eu-central-1"));
        assertRefused(Api.send(Api.records(vin, 1, 2, Instant.now().minus(1, ChronoUnit.HOURS))));
        assertRefused(Api.as(Tokens.owner("bob")).get("/api/v1/vehicles/" + vin + "/telemetry"));
        assertRefused(Api.as(Tokens.operator()).body(Map.of("vin", TestVins.next(), "market", "CN",
                "model", "Model 3")).post("/api/v1/vehicles"));
        assertRefused(given().get("/api/v1/vehicles/" + vin + "/telemetry")); // before any token check
        assertEquals(0, Rows.records(db, vin), "nothing was written");
        given().get(metrics).then().body(containsString(
                "storage_residency_allowed{region=\"eu-central-1\",source=\"kubernetes-node\"} 0.0"));
    }

    @Test
    void aMissingNodeIsNotAllowed() {
        server.getClient().nodes().withName(NODE).delete();

        ResidencyStatus status = guard.recheck();

        assertFalse(status.allowed());
        assertTrue(status.region().isEmpty());
        assertTrue(status.reason().contains("does not exist"), status.reason());
        given().get(ready).then().statusCode(503).body("checks.find { it.name == 'residency' }.data.reason",
                containsString(NODE));
        assertRefused(Api.send(Api.records(TestVins.next(), 1, 1, Instant.now())));
        given().get(metrics).then().body(containsString(
                "storage_residency_allowed{region=\"unknown\",source=\"kubernetes-node\"} 0.0"));
    }

    @Test
    void aNodeWithoutTheRegionLabelIsNotAllowed() {
        server.getClient().nodes().withName(NODE).edit(n -> new NodeBuilder(n).editMetadata()
                .removeFromLabels(LABEL).endMetadata().build());

        ResidencyStatus status = guard.recheck();

        assertFalse(status.allowed());
        assertTrue(status.reason().contains("has no label " + LABEL), status.reason());
    }

    @Test
    void anApiAnswering403IsNotAllowed() {
        server.expect().get().withPath("/api/v1/nodes/" + NODE)
                .andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                        .withMessage("nodes \"" + NODE + "\" is forbidden").build())
                .once();

        ResidencyStatus status = guard.recheck();

        assertFalse(status.allowed(), "the node exists and is allowed, but it could not be read");
        assertTrue(status.reason().contains("HTTP 403"), status.reason());
        given().get(ready).then().statusCode(503);
        assertRefused(Api.as(Tokens.owner("carol")).get("/api/v1/vehicles/" + TestVins.next() + "/telemetry"));
    }

    static void assertRefused(io.restassured.response.Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("urn:vdp-cn:problem:region-not-allowed"))
                .body("detail", containsString("not running in an allowed region"));
    }

    static Node node(String region) {
        return new NodeBuilder().withNewMetadata().withName(NODE)
                .addToLabels(LABEL, region)
                .addToLabels("topology.kubernetes.io/zone", region + "a")
                .endMetadata().build();
    }
}
