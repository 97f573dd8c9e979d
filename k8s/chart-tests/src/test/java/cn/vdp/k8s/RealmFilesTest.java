package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.vdp.k8s.Rendered.Scenario;

/**
 * The realm files that make run and the chart's Keycloak import (ENV_CONTRACT.md). They were imported into
 * Keycloak 26.7.3 by hand once; this test keeps the contract they were checked against.
 */
class RealmFilesTest {

    static final Path REALM = Path.of("files/realm/vdp-realm.json");
    static final Path USERS = Path.of("files/realm/vdp-users-0.json");
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void realmHasThePlatformRolesAndClients() throws IOException {
        JsonNode realm = read(REALM);
        assertEquals("vdp", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        Set<String> roles = new TreeSet<>();
        realm.at("/roles/realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(new TreeSet<>(Set.of("owner", "regulator", "operator", "ingest")), roles);

        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        assertEquals(Set.of("vdp-portal", "vdp-ingest", "vdp-storage"), clients.keySet());

        JsonNode portal = clients.get("vdp-portal");
        assertFalse(portal.path("publicClient").asBoolean(true), "portal is confidential");
        assertTrue(portal.path("standardFlowEnabled").asBoolean(), "authorization code flow");
        assertFalse(portal.path("directAccessGrantsEnabled").asBoolean(true), "no password grant");
        assertFalse(portal.path("implicitFlowEnabled").asBoolean(true));
        assertEquals("[\"${VDP_PORTAL_URL:http://localhost:8080}/*\"]", portal.path("redirectUris").toString());

        JsonNode ingest = clients.get("vdp-ingest");
        assertFalse(ingest.path("publicClient").asBoolean(true));
        assertTrue(ingest.path("serviceAccountsEnabled").asBoolean(), "client credentials");
        assertFalse(ingest.path("standardFlowEnabled").asBoolean(true), "nobody signs in as ingest");

        assertTrue(clients.get("vdp-storage").path("bearerOnly").asBoolean(), "storage only checks tokens");

        JsonNode serviceAccount = realm.path("users").get(0);
        assertEquals("vdp-ingest", serviceAccount.path("serviceAccountClientId").asText());
        assertEquals("[\"ingest\"]", serviceAccount.path("realmRoles").toString());
    }

    @Test
    void clientSecretsAreKeycloakPlaceholdersNeverValues() throws IOException {
        JsonNode realm = read(REALM);
        Map<String, String> expected = Map.of("vdp-portal", "${VDP_PORTAL_CLIENT_SECRET}", "vdp-ingest",
                "${VDP_INGEST_CLIENT_SECRET}");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (expected.containsKey(id)) {
                // No default after a colon: a missing variable must never turn into a known secret.
                assertEquals(expected.get(id), client.path("secret").asText(), id);
            } else {
                assertTrue(client.path("secret").isMissingNode(), id);
            }
        }
        assertFalse(realm.toString().contains("\"credentials\""), "no credentials in the realm file");
    }

    @Test
    void demoUsersHaveFixedIdsAndOneRoleEach() throws IOException {
        JsonNode users = read(USERS);
        assertEquals("vdp", users.path("realm").asText());
        Map<String, String> roles = new HashMap<>();
        Set<String> ids = new TreeSet<>();
        for (JsonNode user : users.path("users")) {
            assertTrue(user.path("id").asText().matches(UUID),
                    "fixed UUID so that the sub is known: " + user.path("username"));
            ids.add(user.path("id").asText());
            // Keycloak's default user profile asks for these at first login otherwise.
            for (String field : List.of("email", "firstName", "lastName")) {
                assertFalse(user.path(field).asText().isEmpty(), field);
            }
            assertEquals(1, user.path("realmRoles").size());
            roles.put(user.path("username").asText(), user.path("realmRoles").get(0).asText());
            assertFalse(user.at("/credentials/0/temporary").asBoolean(true));
            assertTrue(user.at("/credentials/0/value").asText().length() >= 12, "the realm's password policy");
        }
        assertEquals(4, ids.size());
        assertEquals(Map.of("owner1", "owner", "owner2", "owner", "regulator", "regulator", "operator", "operator"),
                roles);
    }

    @Test
    void theChartImportsDemoUsersOnlyWhenAskedTo() throws IOException {
        String realmKey = "/data/vdp-realm.json";
        JsonNode withUsers = Rendered.JSON.readTree(Rendered.of(scenario("keycloak-observability.yaml"))
                .one("ConfigMap", "vdp-keycloak-realm").at(realmKey).asText());
        assertEquals(5, withUsers.path("users").size(), "service account and the four demo users");
        assertEquals(read(REALM).path("clients"), withUsers.path("clients"), "the realm file, unchanged");
        assertTrue(Rendered.of(Scenario.DEFAULTS).ofKind("ConfigMap").stream()
                .noneMatch(c -> c.name().endsWith("-realm")), "no Keycloak by default");
    }

    private static Scenario scenario(String file) {
        return Rendered.scenarios().filter(s -> s.name().equals(file)).findFirst().orElseThrow();
    }

    private static JsonNode read(Path file) throws IOException {
        return Rendered.JSON.readTree(Rendered.CHART.chart().resolve(file).toFile());
    }
}
