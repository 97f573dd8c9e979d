package cn.vdp.devkc;

import java.nio.file.Path;
import java.util.Optional;

/**
 * make run's step before starting Keycloak: prepares its home (data kept there) over the unpacked distribution,
 * writes the import folder from the repository's realm files, and prints the JDK (21+) to run it with.
 *
 * <p>Usage: {@code PrepareKeycloak <distribution> <home> <repository-root>}. Exit status 3: no JDK 21+ found.
 */
public final class PrepareKeycloak {

    private PrepareKeycloak() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PrepareKeycloak <distribution> <home> <repository-root>");
            System.exit(2);
        }
        KeycloakHome home = KeycloakHome.prepare(Path.of(args[0]), Path.of(args[1]));
        RealmImport.writeLocal(home.importFolder(), Path.of(args[2]));
        Optional<Path> jdk = Jdks.atLeast(21);
        if (jdk.isEmpty()) {
            System.err.println("Keycloak needs a JDK 21 or newer; none found (JAVA_HOME, /usr/lib/jvm)");
            System.exit(3);
        }
        System.out.println(jdk.get());
    }
}
