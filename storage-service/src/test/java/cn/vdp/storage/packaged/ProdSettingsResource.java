package cn.vdp.storage.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import cn.vdp.common.export.Ed25519Keys;

/**
 * What the prod profile needs from its environment when the packaged artifact runs in a test: the issuer of the
 * OIDC test server (expanded from keycloak.url, which that resource passes too), the region and the manifest
 * signing key (prod never generates one). The database settings come from PostgresResource.
 */
public class ProdSettingsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.token.issuer", "https://server.example.com",
                "storage.residency.allowed-regions", "cn-north-1,cn-northwest-1",
                "storage.residency.region", "cn-north-1",
                "storage.export.signing-key-file", signingKeyFile().toString());
    }

    private static Path signingKeyFile() {
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair().getPrivate()
                    .getEncoded();
            Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "signing-key", ".pem");
            return Files.writeString(file, Ed25519Keys.pem("PRIVATE KEY", pkcs8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
