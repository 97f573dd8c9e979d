package cn.vdp.devkc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class RealmImportTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void localImportIsTheChartsRealmPlusTheSimulatorClientWithPlaceholdersLeftForKeycloak() throws IOException {
        RealmImport.writeLocal(folder, ROOT);

        JsonNode original = RealmImport.JSON.readTree(ROOT.resolve("k8s/vdp/files/realm/vdp-realm.json").toFile());
        JsonNode written = RealmImport.JSON.readTree(folder.resolve("vdp-realm.json").toFile());
        List<String> clients = new ArrayList<>();
        written.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertEquals(List.of("vdp-portal", "vdp-ingest", "vdp-storage", "vdp-fleet-simulator"), clients);
        for (int i = 0; i < original.path("clients").size(); i++) {
            assertEquals(original.path("clients").get(i), written.path("clients").get(i), "chart's clients unchanged");
        }
        assertEquals("${VDP_SIMULATOR_CLIENT_SECRET}", written.path("clients").get(3).path("secret").asText());
        JsonNode simulatorAccount = written.path("users").get(written.path("users").size() - 1);
        assertEquals("vdp-fleet-simulator", simulatorAccount.path("serviceAccountClientId").asText());
        assertEquals("[\"operator\"]", simulatorAccount.path("realmRoles").toString());
        assertEquals(Files.readString(ROOT.resolve("k8s/vdp/files/realm/vdp-users-0.json")),
                Files.readString(folder.resolve("vdp-users-0.json")), "demo users copied as they are");
    }

    @Test
    void theChartsRealmFileNeverHoldsTheLocalClient() throws IOException {
        String realm = Files.readString(ROOT.resolve("k8s/vdp/files/realm/vdp-realm.json"));
        assertFalse(realm.contains("vdp-fleet-simulator"));
        assertTrue(realm.contains("${VDP_PORTAL_CLIENT_SECRET}"));
    }

    @Test
    void homeLinksTheDistributionAndKeepsItsOwnData() throws IOException {
        Path dist = folder.resolve("dist");
        for (String sub : List.of("bin", "lib", "conf", "providers", "themes")) {
            Files.createDirectories(dist.resolve(sub));
        }
        Files.writeString(dist.resolve("bin/kc.sh"), "#!/bin/sh\n");
        KeycloakHome home = KeycloakHome.prepare(dist, folder.resolve("home"));
        assertTrue(Files.isRegularFile(home.script()) && !Files.isSymbolicLink(home.script()),
                "kc.sh copied: it takes its home from its own location");
        assertTrue(Files.isSymbolicLink(home.root().resolve("lib")));
        assertTrue(Files.isDirectory(home.importFolder()) && !Files.isSymbolicLink(home.root().resolve("data")));
        assertFalse(home.hasDatabase());
        KeycloakHome.prepare(dist, folder.resolve("home")); // again: the links are replaced, nothing fails
    }
}
