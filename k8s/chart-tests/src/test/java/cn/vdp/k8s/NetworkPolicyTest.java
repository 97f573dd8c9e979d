package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.vdp.k8s.Rendered.Doc;
import cn.vdp.k8s.Rendered.Scenario;

/**
 * NetworkPolicies: deny by default, then each pod may talk only to what it needs (ingest and portal to storage,
 * storage to the database, DNS, the OIDC issuer, the API server for the residency check, a trace collector only
 * when configured and only inside the cluster). No rule opens egress to arbitrary addresses.
 */
class NetworkPolicyTest {

    static List<Scenario> scenarios() {
        return Rendered.scenarios().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everythingIsDeniedByDefault(Scenario scenario) {
        List<Doc> denyAll = Rendered.of(scenario).ofKind("NetworkPolicy").stream()
                .filter(p -> p.at("/spec/podSelector").isEmpty()).toList();
        assertEquals(1, denyAll.size(), "one policy selecting every pod");
        JsonNode spec = denyAll.get(0).at("/spec");
        assertEquals(Set.of("Ingress", "Egress"), texts(spec.path("policyTypes")));
        assertTrue(spec.path("ingress").isMissingNode() && spec.path("egress").isMissingNode(), "allows nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPodHasItsOwnPolicyForBothDirections(Scenario scenario) {
        Rendered rendered = Rendered.of(scenario);
        for (Doc workload : rendered.workloads()) {
            Map<String, String> labels = podLabels(workload);
            List<Doc> own = rendered.ofKind("NetworkPolicy").stream()
                    .filter(p -> !p.at("/spec/podSelector").isEmpty() && selects(p, labels)).toList();
            assertEquals(1, own.size(), workload.id() + " is selected by " + own.size() + " specific policies");
            assertEquals(Set.of("Ingress", "Egress"), texts(own.get(0).at("/spec/policyTypes")), workload.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void egressGoesOnlyToKnownPlaces(Scenario scenario) {
        JsonNode values = scenario.values();
        Set<String> allowedCidrs = new HashSet<>();
        values.at("/residency/apiServer/cidrs").forEach(c -> allowedCidrs.add(c.asText()));
        values.at("/oidc/external/egressCidrs").forEach(c -> allowedCidrs.add(c.asText()));
        if ("external".equals(values.at("/database/mode").asText())) {
            values.at("/database/external/egressCidrs").forEach(c -> allowedCidrs.add(c.asText()));
        }
        Set<String> allowedNamespaces = new HashSet<>(Set.of(values.at("/networkPolicy/dns/namespace").asText()));
        boolean tracing = !values.at("/observability/otel/endpoint").asText().isEmpty();
        if (tracing) {
            allowedNamespaces.add(values.at("/observability/otel/collector/namespace").asText());
        }
        List<String> problems = new ArrayList<>();
        boolean collectorRule = false;
        for (Doc policy : Rendered.of(scenario).ofKind("NetworkPolicy")) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                if (rule.path("to").isEmpty() || rule.path("ports").isEmpty()) {
                    problems.add(policy.id() + ": an egress rule without destinations or ports allows everything");
                }
                for (JsonNode peer : rule.path("to")) {
                    String cidr = peer.at("/ipBlock/cidr").asText(null);
                    if (cidr != null && !allowedCidrs.contains(cidr)) {
                        problems.add(policy.id() + ": egress to " + cidr);
                    }
                    if (peer.has("namespaceSelector")) {
                        String ns = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
                        if (!allowedNamespaces.contains(ns)) {
                            problems.add(policy.id() + ": egress to namespace '" + ns + "'");
                        }
                        if (peer.path("podSelector").isMissingNode() || peer.path("podSelector").isEmpty()) {
                            problems.add(policy.id() + ": egress to a whole namespace " + ns);
                        }
                        collectorRule |= tracing && ns.equals(values.at("/observability/otel/collector/namespace")
                                .asText());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), scenario + ":\n" + String.join("\n", problems));
        assertEquals(tracing, collectorRule, "egress to the trace collector exactly when tracing is configured");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachServiceTalksOnlyToWhatItNeeds(Scenario scenario) {
        Rendered rendered = Rendered.of(scenario);
        Map<String, String> storage = component("storage");
        Map<String, String> ingest = component("ingest");
        Map<String, String> portal = component("portal");

        Doc storagePolicy = rendered.one("NetworkPolicy", "vdp-storage");
        assertEquals(Set.of(ingest, portal), peerLabels(storagePolicy, "ingress", 8082),
                "storage-service API only from ingest and portal");
        if ("cnpg".equals(scenario.values().at("/database/mode").asText())) {
            assertEquals(Set.of(Map.of("cnpg.io/cluster", "vdp-db")), peerLabels(storagePolicy, "egress", 5432));
            Doc database = rendered.one("NetworkPolicy", "vdp-db");
            assertTrue(peerLabels(database, "ingress", 5432).contains(storage), "database from storage-service");
            assertFalse(peerLabels(database, "ingress", 5432).contains(ingest), "never from ingest");
            assertFalse(peerLabels(database, "ingress", 5432).contains(portal), "never from the portal");
        }
        for (String front : List.of("vdp-ingest", "vdp-portal")) {
            Doc policy = rendered.one("NetworkPolicy", front);
            assertEquals(Set.of(storage), peerLabels(policy, "egress", 8082), front + " calls storage-service");
            assertTrue(peerLabels(policy, "egress", 5432).isEmpty(), front + " never reaches a database");
        }
        if ("keycloak".equals(scenario.values().at("/oidc/mode").asText())) {
            for (String service : List.of("vdp-storage", "vdp-ingest", "vdp-portal")) {
                assertEquals(Set.of(component("keycloak")), peerLabels(rendered.one("NetworkPolicy", service),
                        "egress", 8080), service + " reaches the OIDC provider");
            }
        }
    }

    private static Map<String, String> component(String name) {
        return Map.of("app.kubernetes.io/name", "vdp", "app.kubernetes.io/instance", ChartRenderer.RELEASE,
                "app.kubernetes.io/component", name);
    }

    /** Pod-selector peers (same namespace) of a policy's rules in one direction that include this port. */
    private static Set<Map<String, String>> peerLabels(Doc policy, String direction, int port) {
        Set<Map<String, String>> peers = new HashSet<>();
        for (JsonNode rule : policy.at("/spec/" + direction)) {
            boolean hasPort = false;
            for (JsonNode p : rule.path("ports")) {
                hasPort |= p.path("port").asInt() == port;
            }
            if (!hasPort) {
                continue;
            }
            for (JsonNode peer : rule.path("ingress".equals(direction) ? "from" : "to")) {
                if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                    peers.add(map(peer.at("/podSelector/matchLabels")));
                }
            }
        }
        return peers;
    }

    static Map<String, String> podLabels(Doc workload) {
        if ("Cluster".equals(workload.kind())) {
            Map<String, String> labels = map(workload.at("/spec/inheritedMetadata/labels"));
            labels.put("cnpg.io/cluster", workload.name());
            return labels;
        }
        return map(ResidencyPolicyTest.podSpec(workload).isMissingNode() ? workload.at("/metadata/labels")
                : workload.at("/spec/template/metadata/labels"));
    }

    private static boolean selects(Doc policy, Map<String, String> labels) {
        return labels.entrySet().containsAll(map(policy.at("/spec/podSelector/matchLabels")).entrySet());
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Set<String> texts(JsonNode array) {
        return new HashSet<>(ResidencyPolicyTest.texts(array));
    }
}
