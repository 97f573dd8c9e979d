package cn.vdp.portal.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Real JWTs signed with the OIDC test server's key (its JWKS is what the portal and storage-service trust), shaped
 * like the platform realm's: roles in realm_access/roles, the client in azp.
 */
public final class Tokens {

    public static final String CLIENT = "vdp-portal";
    /** The OIDC test server's private key, on the classpath of quarkus-test-oidc-server. */
    private static final String KEY = "privateKey.jwk";
    private static final Duration LIFETIME = Duration.ofHours(4);

    private Tokens() {
    }

    public static String owner(String subject) {
        return access(subject, "owner");
    }

    public static String operator() {
        return access("operator-1", "operator");
    }

    public static String ingest() {
        return Jwt.issuer(Platform.ISSUER).subject("service-account-vdp-ingest").claim("azp", "vdp-ingest")
                .claim("realm_access", Map.of("roles", List.of("ingest"))).expiresIn(LIFETIME)
                .jws().keyId("1").sign(KEY);
    }

    public static String access(String subject, String... roles) {
        return Jwt.issuer(Platform.ISSUER).subject(subject).preferredUserName(subject).claim("azp", CLIENT)
                .claim("realm_access", Map.of("roles", List.of(roles))).expiresIn(LIFETIME)
                .jws().keyId("1").sign(KEY);
    }

    /** The ID token of a code-flow sign-in: issued to the portal's client. */
    public static String id(String subject) {
        return Jwt.issuer(Platform.ISSUER).subject(subject).preferredUserName(subject).audience(CLIENT)
                .claim("azp", CLIENT).expiresIn(LIFETIME).jws().keyId("1").sign(KEY);
    }
}
