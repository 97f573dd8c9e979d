package cn.vdp.devkc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes Keycloak's import folder (its directory format: {@code <realm>-realm.json}, {@code <realm>-users-N.json})
 * from the repository's realm files, the same ones the Helm chart imports, plus local-only additions (clients and
 * their service-account users) appended to the realm's own. Placeholders such as {@code ${VDP_PORTAL_CLIENT_SECRET}}
 * are left as they are: Keycloak fills them from its environment when it imports.
 */
public final class RealmImport {

    static final ObjectMapper JSON = new ObjectMapper();

    private RealmImport() {
    }

    /**
     * @param importFolder Keycloak's {@code data/import}
     * @param realmFile the realm file (for example k8s/vdp/files/realm/vdp-realm.json)
     * @param additions files of {@code {"clients": [...], "users": [...]}} appended to the realm's lists
     * @param copied further files copied as they are (users files, other realms)
     */
    public static void write(Path importFolder, Path realmFile, List<Path> additions, List<Path> copied)
            throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
        for (Path addition : additions) {
            JsonNode extra = JSON.readTree(addition.toFile());
            for (String list : List.of("clients", "users")) {
                ArrayNode target = realm.has(list) ? (ArrayNode) realm.get(list) : realm.putArray(list);
                extra.path(list).forEach(target::add);
            }
        }
        Files.createDirectories(importFolder);
        JSON.writerWithDefaultPrettyPrinter().writeValue(
                importFolder.resolve(realm.path("realm").asText() + "-realm.json").toFile(), realm);
        for (Path file : copied) {
            Files.copy(file, importFolder.resolve(file.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The repository's realm files and the local additions, as make run and the end-to-end tests import them. */
    public static void writeLocal(Path importFolder, Path repositoryRoot) throws IOException {
        Path realms = repositoryRoot.resolve("k8s/vdp/files/realm");
        write(importFolder, realms.resolve("vdp-realm.json"),
                List.of(repositoryRoot.resolve("dev-keycloak/realm-local/vdp-local-clients.json")),
                List.of(realms.resolve("vdp-users-0.json")));
    }
}
