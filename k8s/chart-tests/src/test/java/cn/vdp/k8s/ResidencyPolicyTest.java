package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.vdp.k8s.Rendered.Doc;
import cn.vdp.k8s.Rendered.Scenario;

/**
 * Residency, as the scheduler will see it: every workload requires a node in the configured regions (and nothing
 * else can widen that), spreads over zones, and stores data only through the pinned StorageClass.
 */
class ResidencyPolicyTest {

    /** Pod volume types that keep nothing beyond the pod's life on the node, or are the pinned claims. */
    static final Set<String> ALLOWED_VOLUME_TYPES = Set.of("name", "emptyDir", "secret", "configMap", "projected",
            "downwardAPI");

    static List<Scenario> scenarios() {
        return Rendered.scenarios().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyWorkloadRequiresExactlyTheConfiguredRegions(Scenario scenario) {
        Rendered rendered = Rendered.of(scenario);
        JsonNode values = scenario.values();
        String label = values.at("/residency/regionLabel").asText();
        List<String> regions = texts(values.at("/residency/regions"));
        assertFalse(rendered.workloads().isEmpty());
        for (Doc workload : rendered.workloads()) {
            JsonNode required = affinity(workload).at("/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution");
            JsonNode terms = required.path("nodeSelectorTerms");
            // Terms are ORed: a second term could admit any node, so there must be exactly one.
            assertEquals(1, terms.size(), workload.id() + " node selector terms");
            JsonNode term = terms.get(0);
            assertTrue(term.path("matchFields").isMissingNode() || term.path("matchFields").isEmpty(),
                    workload.id());
            JsonNode expressions = term.path("matchExpressions");
            assertEquals(1, expressions.size(), workload.id() + " match expressions");
            JsonNode expression = expressions.get(0);
            assertEquals(label, expression.path("key").asText(), workload.id() + " region label");
            assertEquals("In", expression.path("operator").asText(), workload.id() + " operator");
            assertEquals(regions, texts(expression.path("values")), workload.id() + " regions");
            assertTrue(podSpec(workload).path("nodeName").isMissingNode(), workload.id() + " pins a node by name");
            assertTrue(podSpec(workload).path("nodeSelector").isMissingNode(), workload.id() + " nodeSelector");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyWorkloadSpreadsAcrossZones(Scenario scenario) {
        String zoneLabel = scenario.values().at("/residency/zoneLabel").asText();
        for (Doc workload : Rendered.of(scenario).workloads()) {
            JsonNode spread = "Cluster".equals(workload.kind()) ? workload.at("/spec/topologySpreadConstraints")
                    : podSpec(workload).path("topologySpreadConstraints");
            boolean zones = false;
            for (JsonNode constraint : spread) {
                if (zoneLabel.equals(constraint.path("topologyKey").asText())) {
                    zones = true;
                    assertEquals(1, constraint.path("maxSkew").asInt(), workload.id());
                    assertEquals("Honor", constraint.path("nodeAffinityPolicy").asText(), workload.id());
                    assertFalse(constraint.at("/labelSelector/matchLabels").isEmpty(), workload.id());
                }
            }
            assertTrue(zones, workload.id() + " has no zone spread");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void volumesComeOnlyFromThePinnedStorageClass(Scenario scenario) {
        Rendered rendered = Rendered.of(scenario);
        JsonNode values = scenario.values();
        String pinned = values.at("/residency/storageClass/name").asText();

        List<Doc> classes = rendered.ofKind("StorageClass");
        assertEquals(1, classes.size(), "exactly one StorageClass");
        Doc storageClass = classes.get(0);
        assertEquals(pinned, storageClass.name());
        assertEquals("WaitForFirstConsumer", storageClass.at("/volumeBindingMode").asText());
        JsonNode topologies = storageClass.at("/allowedTopologies");
        assertEquals(1, topologies.size());
        JsonNode expressions = topologies.get(0).path("matchLabelExpressions");
        assertEquals(1, expressions.size());
        assertEquals(values.at("/residency/regionLabel").asText(), expressions.get(0).path("key").asText());
        assertEquals(texts(values.at("/residency/regions")), texts(expressions.get(0).path("values")));

        List<String> problems = new ArrayList<>();
        for (Doc doc : rendered.docs()) {
            if ("PersistentVolumeClaim".equals(doc.kind())
                    && !pinned.equals(doc.at("/spec/storageClassName").asText())) {
                problems.add(doc.id() + " claims from another StorageClass");
            }
            if ("PersistentVolume".equals(doc.kind())) {
                problems.add(doc.id() + ": no pre-provisioned volumes");
            }
        }
        for (Doc workload : rendered.workloads()) {
            if ("Cluster".equals(workload.kind())) {
                for (String path : List.of("/spec/storage", "/spec/walStorage")) {
                    JsonNode storage = workload.at(path);
                    if (!storage.isMissingNode() && !pinned.equals(storage.path("storageClass").asText())) {
                        problems.add(workload.id() + path + " not on " + pinned);
                    }
                }
                continue;
            }
            JsonNode pod = podSpec(workload);
            for (JsonNode volume : pod.path("volumes")) {
                volume.fieldNames().forEachRemaining(type -> {
                    if (!ALLOWED_VOLUME_TYPES.contains(type)) {
                        problems.add(workload.id() + " volume " + volume.path("name").asText() + " of type " + type);
                    }
                });
            }
            if (workload.at("/spec/volumeClaimTemplates").size() > 0) {
                workload.at("/spec/volumeClaimTemplates").forEach(t -> {
                    if (!pinned.equals(t.at("/spec/storageClassName").asText())) {
                        problems.add(workload.id() + " claim template not on " + pinned);
                    }
                });
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void noWorkloadTouchesItsHost(Scenario scenario) {
        for (Doc workload : Rendered.of(scenario).workloads()) {
            JsonNode pod = podSpec(workload);
            for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertFalse(pod.path(field).asBoolean(false), workload.id() + " " + field);
            }
            for (JsonNode volume : pod.path("volumes")) {
                assertTrue(volume.path("hostPath").isMissingNode(), workload.id() + " hostPath");
            }
            for (JsonNode container : containers(workload)) {
                for (JsonNode port : container.path("ports")) {
                    assertTrue(port.path("hostPort").isMissingNode(), workload.id() + " hostPort");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void storageServiceMayOnlyGetNodesAndNoOtherPodTalksToTheApi(Scenario scenario) {
        Rendered rendered = Rendered.of(scenario);
        List<Doc> roles = rendered.ofKind("ClusterRole");
        assertEquals(1, roles.size());
        assertEquals("[{\"apiGroups\":[\"\"],\"resources\":[\"nodes\"],\"verbs\":[\"get\"]}]",
                roles.get(0).at("/rules").toString(), "get on nodes, nothing more");
        assertTrue(rendered.ofKind("Role").isEmpty() && rendered.ofKind("RoleBinding").isEmpty());
        List<Doc> bindings = rendered.ofKind("ClusterRoleBinding");
        assertEquals(1, bindings.size());
        assertEquals(roles.get(0).name(), bindings.get(0).at("/roleRef/name").asText());
        assertEquals("[{\"kind\":\"ServiceAccount\",\"name\":\"vdp-storage\",\"namespace\":\"vdp\"}]",
                bindings.get(0).at("/subjects").toString());
        for (Doc workload : rendered.workloads()) {
            if (!"Cluster".equals(workload.kind())) {
                boolean storage = "vdp-storage".equals(podSpec(workload).path("serviceAccountName").asText());
                assertEquals(storage, podSpec(workload).path("automountServiceAccountToken").asBoolean(),
                        workload.id() + " API token");
            }
        }
    }

    /** The pod spec of a workload (CloudNativePG builds its pods itself and has none here). */
    static JsonNode podSpec(Doc workload) {
        return switch (workload.kind()) {
            case "Pod" -> workload.at("/spec");
            case "CronJob" -> workload.at("/spec/jobTemplate/spec/template/spec");
            case "Cluster" -> com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            default -> workload.at("/spec/template/spec");
        };
    }

    static JsonNode affinity(Doc workload) {
        return "Cluster".equals(workload.kind()) ? workload.at("/spec/affinity") : podSpec(workload).path("affinity");
    }

    static List<JsonNode> containers(Doc workload) {
        List<JsonNode> all = new ArrayList<>();
        podSpec(workload).path("initContainers").forEach(all::add);
        podSpec(workload).path("containers").forEach(all::add);
        return all;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
