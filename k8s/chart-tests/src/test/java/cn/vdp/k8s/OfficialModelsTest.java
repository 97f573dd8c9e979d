package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import cn.vdp.k8s.Rendered.Doc;
import cn.vdp.k8s.Rendered.Scenario;

/**
 * Every rendered document is read by the model class generated from Kubernetes' own OpenAPI (client-java-api), which
 * refuses unknown fields (a typo such as nodeAfinity), wrong types and missing required fields. The two custom
 * resources (CloudNativePG Cluster, Prometheus ServiceMonitor) are not in those models: their shape is checked here.
 */
class OfficialModelsTest {

    /** apiVersion/kind -> model; a kind the chart starts to render without a model here fails the test. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("storage.k8s.io/v1/StorageClass", V1StorageClass.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", V1ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", V1ClusterRoleBinding.class));

    static List<Scenario> scenarios() {
        return Rendered.scenarios().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyDocumentIsAValidKubernetesObject(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        for (Doc doc : Rendered.of(scenario).docs()) {
            String type = doc.apiVersion() + "/" + doc.kind();
            try {
                switch (type) {
                    case "postgresql.cnpg.io/v1/Cluster" -> checkCnpgCluster(doc);
                    case "monitoring.coreos.com/v1/ServiceMonitor" -> checkServiceMonitor(doc);
                    default -> {
                        Class<?> model = MODELS.get(type);
                        if (model == null) {
                            problems.add(doc.id() + ": no model for " + type + "; add one to MODELS");
                            continue;
                        }
                        parse(model, doc.body());
                    }
                }
                if (!"StorageClass".equals(doc.kind()) && !doc.kind().startsWith("Cluster")) {
                    assertEquals("vdp", doc.at("/metadata/namespace").asText(), doc.id() + " namespace");
                }
            } catch (AssertionError | IllegalArgumentException e) {
                problems.add(doc.id() + ": " + e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), scenario + ":\n" + String.join("\n", problems));
    }

    @Test
    void theModelsRefuseATypoAWrongTypeAndAMissingRequiredField() {
        Doc deployment = Rendered.of(Scenario.DEFAULTS).one("Deployment", "vdp-storage");

        ObjectNode typo = deployment.body().deepCopy();
        ObjectNode spec = (ObjectNode) typo.at("/spec/template/spec");
        spec.set("nodeAfinity", spec.remove("affinity"));
        assertThrows(IllegalArgumentException.class, () -> parse(V1Deployment.class, typo));

        ObjectNode wrongType = deployment.body().deepCopy();
        ((ObjectNode) wrongType.at("/spec/template/spec")).put("containers", "storage-service");
        assertThrows(IllegalArgumentException.class, () -> parse(V1Deployment.class, wrongType));

        ObjectNode missing = deployment.body().deepCopy();
        ((ObjectNode) missing.at("/spec")).remove("selector");
        assertThrows(IllegalArgumentException.class, () -> parse(V1Deployment.class, missing));

        parse(V1Deployment.class, deployment.body());
    }

    @Test
    void theCustomResourceChecksRefuseAClusterWithoutPinnedStorage() {
        Doc cluster = Rendered.of(Scenario.DEFAULTS).one("Cluster", "vdp-db");
        ObjectNode unpinned = cluster.body().deepCopy();
        ((ObjectNode) unpinned.at("/spec/storage")).remove("storageClass");
        assertThrows(AssertionError.class, () -> checkCnpgCluster(new Doc("postgresql.cnpg.io/v1", "Cluster",
                "vdp-db", unpinned)));
    }

    static Object parse(Class<?> model, JsonNode body) {
        try {
            Method fromJson = model.getMethod("fromJson", String.class);
            return fromJson.invoke(null, Rendered.JSON.writeValueAsString(body));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CloudNativePG v1 Cluster: the fields the operator requires, with their types, and pinned storage. */
    static void checkCnpgCluster(Doc doc) {
        JsonNode spec = doc.at("/spec");
        assertTrue(spec.path("instances").isInt() && spec.path("instances").asInt() >= 1, "spec.instances");
        assertTrue(spec.path("imageName").isTextual(), "spec.imageName");
        assertTrue(spec.at("/storage/size").isTextual(), "spec.storage.size");
        assertTrue(spec.at("/storage/storageClass").isTextual(), "spec.storage.storageClass must be set");
        if (spec.has("walStorage")) {
            assertTrue(spec.at("/walStorage/storageClass").isTextual(), "spec.walStorage.storageClass must be set");
        }
        JsonNode initdb = spec.at("/bootstrap/initdb");
        assertTrue(initdb.path("database").isTextual() && initdb.path("owner").isTextual(), "bootstrap.initdb");
        for (JsonNode role : spec.at("/managed/roles")) {
            assertTrue(role.path("name").isTextual(), "managed role name");
            assertTrue(role.at("/passwordSecret/name").isTextual(), "managed role passwordSecret");
        }
        List<String> known = List.of("instances", "imageName", "imagePullSecrets", "primaryUpdateStrategy",
                "inheritedMetadata", "bootstrap", "managed", "storage", "walStorage", "affinity",
                "topologySpreadConstraints", "resources", "postgresql");
        spec.fieldNames().forEachRemaining(f -> assertTrue(known.contains(f), "unexpected Cluster field " + f));
        List<String> affinity = List.of("nodeAffinity", "enablePodAntiAffinity", "topologyKey",
                "podAntiAffinityType");
        spec.path("affinity").fieldNames()
                .forEachRemaining(f -> assertTrue(affinity.contains(f), "unexpected affinity field " + f));
        assertFalse(spec.at("/affinity/nodeAffinity").isMissingNode(), "affinity.nodeAffinity");
    }

    /** Prometheus Operator v1 ServiceMonitor: selector and endpoints with port and path. */
    static void checkServiceMonitor(Doc doc) {
        JsonNode spec = doc.at("/spec");
        assertTrue(spec.at("/selector/matchLabels").isObject(), "spec.selector.matchLabels");
        assertTrue(spec.path("endpoints").isArray() && !spec.path("endpoints").isEmpty(), "spec.endpoints");
        for (JsonNode endpoint : spec.path("endpoints")) {
            assertEquals("management", endpoint.path("port").asText(), "scrapes the management port");
            assertEquals("/q/metrics", endpoint.path("path").asText());
            if (!endpoint.path("interval").asText().matches("[0-9]+(ms|s|m|h)")) {
                fail("interval " + endpoint.path("interval"));
            }
        }
    }
}
