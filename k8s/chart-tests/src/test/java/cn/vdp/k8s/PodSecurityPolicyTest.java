package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.vdp.k8s.Rendered.Doc;
import cn.vdp.k8s.Rendered.Scenario;

/** Pod security (the restricted profile), resources and probes of every container the chart runs itself. */
class PodSecurityPolicyTest {

    /** Management port of each service; its probes use /q/health there (DESIGN.md). */
    static final Map<String, Integer> MANAGEMENT = Map.of("storage-service", 9082, "ingest-service", 9081,
            "owner-portal-service", 9080);

    static List<Scenario> scenarios() {
        return Rendered.scenarios().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPodAndContainerIsLockedDown(Scenario scenario) {
        for (Doc workload : Rendered.of(scenario).workloads()) {
            if ("Cluster".equals(workload.kind())) {
                continue; // CloudNativePG applies the restricted profile to its own pods
            }
            JsonNode pod = ResidencyPolicyTest.podSpec(workload);
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), workload.id() + " runAsNonRoot");
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), workload.id());
            assertFalse(pod.path("automountServiceAccountToken").isMissingNode(),
                    workload.id() + " must decide on the service account token explicitly");
            for (JsonNode container : ResidencyPolicyTest.containers(workload)) {
                String id = workload.id() + "/" + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                assertTrue(security.path("runAsNonRoot").asBoolean(), id + " runAsNonRoot");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), id + " readOnlyRootFilesystem");
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), id + " privilege escalation");
                assertFalse(security.path("privileged").asBoolean(false), id + " privileged");
                assertEquals("[\"ALL\"]", security.at("/capabilities/drop").toString(), id + " capabilities");
                assertTrue(security.at("/capabilities/add").isMissingNode(), id + " adds capabilities");
                assertEquals("RuntimeDefault", security.at("/seccompProfile/type").asText(), id + " seccomp");
                assertFalse(security.has("runAsUser") && security.path("runAsUser").asInt() == 0, id + " root");
                for (String kind : List.of("requests", "limits")) {
                    assertTrue(container.at("/resources/" + kind + "/cpu").isValueNode(), id + " cpu " + kind);
                    assertTrue(container.at("/resources/" + kind + "/memory").isValueNode(), id + " memory " + kind);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyServiceIsProbedOnItsManagementHealthEndpoints(Scenario scenario) {
        int services = 0;
        for (Doc deployment : Rendered.of(scenario).ofKind("Deployment")) {
            for (JsonNode container : ResidencyPolicyTest.containers(deployment)) {
                Integer management = MANAGEMENT.get(container.path("name").asText());
                if (management == null) {
                    continue;
                }
                services++;
                String id = deployment.id();
                int namedPort = -1;
                for (JsonNode port : container.path("ports")) {
                    if ("management".equals(port.path("name").asText())) {
                        namedPort = port.path("containerPort").asInt();
                    }
                }
                assertEquals(management, namedPort, id + " management port");
                assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), id);
                assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), id);
                assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), id);
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), id + probe);
                }
            }
        }
        assertEquals(3, services, "the three services");
    }
}
