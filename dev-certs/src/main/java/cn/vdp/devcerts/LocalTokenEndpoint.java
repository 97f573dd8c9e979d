package cn.vdp.devcerts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the identity provider's token endpoint where none runs (tests and benchmarks; real Keycloak is
 * used by make run): answers the client-credentials grant of one confidential client at Keycloak's path
 * ({@code <issuer>/protocol/openid-connect/token}) with a JWT signed by {@link LocalJwt}. Listens on the loopback
 * interface only.
 */
public final class LocalTokenEndpoint implements AutoCloseable {

    public static final String REALM_PATH = "/realms/vdp";
    public static final String TOKEN_PATH = "protocol/openid-connect/token";

    private final HttpServer server;
    private final LocalJwt jwt;
    private final String clientId;
    private final String secret;
    private final String[] roles;
    private final Duration lifetime;
    private final AtomicInteger issued = new AtomicInteger();

    private LocalTokenEndpoint(HttpServer server, LocalJwt jwt, String clientId, String secret, Duration lifetime,
            String[] roles) {
        this.server = server;
        this.jwt = jwt;
        this.clientId = clientId;
        this.secret = secret;
        this.lifetime = lifetime;
        this.roles = roles;
    }

    /** Starts on a free port; tokens issued to the client carry the given realm roles. */
    public static LocalTokenEndpoint start(String clientId, String secret, Duration lifetime, String... roles)
            throws IOException, GeneralSecurityException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://localhost:" + server.getAddress().getPort() + REALM_PATH;
        LocalTokenEndpoint endpoint = new LocalTokenEndpoint(server, new LocalJwt(issuer), clientId, secret,
                lifetime, roles);
        server.createContext(REALM_PATH + "/" + TOKEN_PATH, endpoint::answer);
        server.start();
        return endpoint;
    }

    /** The issuer URL (also the token's iss claim); an OIDC client's auth-server-url. */
    public String issuer() {
        return jwt.issuer();
    }

    /** The key that verifies every token issued here (also owner and operator tokens made with {@link #jwt()}). */
    public LocalJwt jwt() {
        return jwt;
    }

    public int tokensIssued() {
        return issued.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"), form);
            if (!"client_credentials".equals(form.get("grant_type"))) {
                respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
            if (!clientId.equals(form.get("client_id")) || !secret.equals(form.get("client_secret"))) {
                respond(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = jwt.token("service-account-" + clientId, clientId, lifetime, roles);
            issued.incrementAndGet();
            respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + lifetime.toSeconds() + "}");
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void basicCredentials(String header, Map<String, String> into) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
            into.put("client_id", URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
            into.put("client_secret", URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
