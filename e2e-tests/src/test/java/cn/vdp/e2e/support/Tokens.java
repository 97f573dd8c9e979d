package cn.vdp.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Access tokens from the real Keycloak: the demo users by password grant through the local-only
 * vdp-fleet-simulator client (the portal's own client allows the code flow only), ingest by client credentials,
 * and the bad ones derived from them. Kept for two minutes (the realm's tokens live five).
 */
public final class Tokens {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final long KEEP_NANOS = 120_000_000_000L;

    private final Platform platform;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Identity, String> cache = new EnumMap<>(Identity.class);
    private final Map<Identity, Long> fetchedAt = new EnumMap<>(Identity.class);

    Tokens(Platform platform) {
        this.platform = platform;
    }

    /** The bearer token of {@code who}; empty for {@link Identity#ANONYMOUS}. */
    public synchronized Optional<String> of(Identity who) {
        if (who == Identity.ANONYMOUS) {
            return Optional.empty();
        }
        Long at = fetchedAt.get(who);
        if (at == null || System.nanoTime() - at > KEEP_NANOS) {
            cache.put(who, fetch(who));
            fetchedAt.put(who, System.nanoTime());
        }
        return Optional.of(cache.get(who));
    }

    private String fetch(Identity who) {
        String simulator = platform.secrets.get("VDP_SIMULATOR_CLIENT_SECRET");
        return switch (who) {
            case OWNER_A -> password("vdp", "vdp-fleet-simulator", simulator, "owner1");
            case OWNER_B -> password("vdp", "vdp-fleet-simulator", simulator, "owner2");
            case REGULATOR -> password("vdp", "vdp-fleet-simulator", simulator, "regulator");
            case OPERATOR -> password("vdp", "vdp-fleet-simulator", simulator, "operator");
            case INGEST -> token("vdp", Map.of("grant_type", "client_credentials", "client_id", "vdp-ingest",
                    "client_secret", platform.secrets.get("VDP_INGEST_CLIENT_SECRET")));
            case EXPIRED -> expired(password("vdp", "vdp-e2e-short-lived", simulator, "owner1"));
            case OTHER_ISSUER -> password("elsewhere", "vdp-fleet-simulator", simulator, "owner1");
            case UNSIGNED -> unsigned(of(Identity.OWNER_A).orElseThrow());
            case TAMPERED -> tampered(of(Identity.OWNER_A).orElseThrow());
            case ANONYMOUS -> throw new IllegalArgumentException();
        };
    }

    /** A demo user's password (documented for local use only: "<user>-local-only"). */
    public String password(String realm, String client, String secret, String user) {
        return token(realm, Map.of("grant_type", "password", "client_id", client, "client_secret", secret,
                "username", user, "password", user + "-local-only"));
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.issuer(realm) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token of " + form.get("username") + "/" + form.get("client_id")
                        + " in " + realm + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the token's exp lies two seconds behind, so it is expired by any clock. */
    private static String expired(String token) {
        long exp = claims(token).path("exp").asLong();
        long wait = (exp + 2) * 1000 - System.currentTimeMillis();
        try {
            Thread.sleep(Math.max(0, wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return token;
    }

    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return ENCODE.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) claims(token);
        payload.putObject("realm_access").putArray("roles").add("owner").add("regulator").add("operator")
                .add("ingest");
        try {
            return parts[0] + "." + ENCODE.encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's payload. */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(DECODE.decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Authorization header values per identity, for requests built elsewhere. */
    public Map<String, String> header(Identity who) {
        Map<String, String> headers = new LinkedHashMap<>();
        of(who).ifPresent(token -> headers.put("Authorization", "Bearer " + token));
        return headers;
    }
}
