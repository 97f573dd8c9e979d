package cn.vdp.storage.packaged;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the prod profile needs from its environment when the packaged artifact runs in a test: the issuer of the
 * OIDC test server (expanded from keycloak.url, which that resource passes too) and the region. The database
 * settings come from PostgresResource.
 */
public class ProdSettingsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.token.issuer", "https://server.example.com",
                "storage.residency.allowed-regions", "cn-north-1,cn-northwest-1",
                "storage.residency.region", "cn-north-1");
    }

    @Override
    public void stop() {
    }
}
