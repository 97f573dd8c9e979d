package cn.vdp.devkc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Keycloak home folder of its own over a shared unpacked distribution: {@code bin/} is copied (kc.sh takes its
 * home from its own resolved location), {@code lib/}, {@code conf/}, {@code providers/} and {@code themes/} are links
 * to the distribution, {@code data/} (the dev-file database, the import folder) is the home's own. So make run keeps
 * its data in .run/ and each test run has a temporary one, while the distribution is unpacked and built
 * (Keycloak's one-time rebuild on first start) once.
 */
public final class KeycloakHome {

    private static final List<String> SHARED = List.of("lib", "conf", "providers", "themes");

    private final Path home;

    private KeycloakHome(Path home) {
        this.home = home;
    }

    /** Prepares (or refreshes) a home at {@code home} over the distribution unpacked at {@code distribution}. */
    public static KeycloakHome prepare(Path distribution, Path home) throws IOException {
        Path dist = distribution.toAbsolutePath();
        if (!Files.isRegularFile(dist.resolve("bin/kc.sh"))) {
            throw new IOException("no Keycloak distribution at " + dist + " (bin/kc.sh missing)");
        }
        Path target = home.toAbsolutePath();
        Files.createDirectories(target.resolve("bin"));
        try (Stream<Path> scripts = Files.list(dist.resolve("bin"))) {
            for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve("bin").resolve(script.getFileName());
                Files.copy(script, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        for (String folder : SHARED) {
            Path link = target.resolve(folder);
            Files.deleteIfExists(link); // a link only: a stale one points at an older distribution
            Files.createSymbolicLink(link, dist.resolve(folder));
        }
        Files.createDirectories(target.resolve("data/import"));
        return new KeycloakHome(target);
    }

    public Path root() {
        return home;
    }

    public Path script() {
        return home.resolve("bin/kc.sh");
    }

    /** Where {@code --import-realm} reads realm files from. */
    public Path importFolder() {
        return home.resolve("data/import");
    }

    /** True once Keycloak created its dev-file database here (a realm is imported only into a new one). */
    public boolean hasDatabase() {
        return Files.isDirectory(home.resolve("data/h2"));
    }
}
