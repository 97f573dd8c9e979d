package cn.vdp.bench;

import java.util.HashMap;
import java.util.Map;

import cn.vdp.devpg.DatabaseRoles;

/** How the benchmarks start storage-service: its ports, the run's database, the run's token key, its region. */
final class StorageServiceProperties {

    private StorageServiceProperties() {
    }

    static Map<String, String> of(int httpPort, int managementPort, String jdbc, DatabaseRoles roles, LocalJwt jwt) {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.http.port", String.valueOf(httpPort));
        properties.put("quarkus.management.port", String.valueOf(managementPort));
        properties.put("quarkus.datasource.jdbc.url", jdbc);
        properties.put("quarkus.datasource.password", roles.appPassword());
        properties.put("quarkus.flyway.password", roles.ownerPassword());
        properties.put("quarkus.oidc.auth-server-url", "");
        properties.put("quarkus.oidc.public-key", jwt.publicKey());
        properties.put("quarkus.oidc.token.issuer", LocalJwt.ISSUER);
        // outside Kubernetes the residency guard takes the region from configuration
        properties.put("storage.residency.region", "cn-north-1");
        properties.put("storage.residency.allowed-regions", "cn-north-1");
        properties.put("quarkus.log.level", "WARN");
        return properties;
    }
}
