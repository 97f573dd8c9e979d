package cn.vdp.portal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A stand-in for storage-service that misbehaves on purpose: it sends an export slowly, piece by piece; it does
 * not answer in time; it fails. Served by the OIDC test server's WireMock, which also signs the tokens.
 */
public class MisbehavingStorage implements QuarkusTestResourceLifecycleManager {

    public static final String EXPORT_SIZE = "vdp.test.slow-export-bytes";
    /** The slow export arrives in this many pieces over this long. */
    public static final int PIECES = 20;
    public static final int SECONDS = 4;
    /** A deterministic body, so the test can check what arrived. */
    public static final byte[] EXPORT = new byte[2 * 1024 * 1024];

    static {
        new Random(42).nextBytes(EXPORT);
    }

    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(oidc.start());
        URI keycloak = URI.create(config.get("keycloak.url"));
        WireMock storage = new WireMock(keycloak.getHost(), keycloak.getPort());
        storage.register(get(urlPathEqualTo("/api/v1/exports/mine")).willReturn(aResponse()
                .withHeader("Content-Type", "application/zip").withBody(EXPORT)
                .withChunkedDribbleDelay(PIECES, SECONDS * 1000)));
        storage.register(get(urlPathEqualTo("/api/v1/vehicles")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[]").withFixedDelay(5000)));
        storage.register(post(urlPathEqualTo("/api/v1/exports/verifications")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{}").withFixedDelay(5000)));
        storage.register(get(urlPathEqualTo("/api/v1/exports/signing-key")).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":500,\"title\":\"Internal error\",\"detail\":\"secret stack trace\"}")));
        config.put("quarkus.rest-client.storage.url", keycloak.getScheme() + "://" + keycloak.getAuthority());
        config.put("quarkus.rest-client.storage.read-timeout", "1500");
        config.put(EXPORT_SIZE, String.valueOf(EXPORT.length));
        return config;
    }

    @Override
    public void stop() {
        oidc.stop();
    }
}
