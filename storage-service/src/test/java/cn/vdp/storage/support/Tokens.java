package cn.vdp.storage.support;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Real signed JWTs from the OIDC test server's key, shaped like the platform realm's tokens (roles in
 * realm_access/roles, the client in azp).
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private Tokens() {
    }

    public static String owner(String subject) {
        return of(subject, "vdp-portal", "owner");
    }

    public static String operator() {
        return of("operator-1", "vdp-portal", "operator");
    }

    public static String ingest() {
        return of("service-account-vdp-ingest", "vdp-ingest", "ingest");
    }

    public static String regulator() {
        return of("regulator-1", "vdp-portal", "regulator");
    }

    public static String of(String subject, String client, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .preferredUserName(subject)
                .claim("azp", client)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300)
                .jws().keyId("1")
                .sign();
    }

    public static String expired(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(1800))
                .jws().keyId("1")
                .sign();
    }

    public static String otherIssuer(String subject, String... roles) {
        return Jwt.issuer("https://elsewhere.example.org")
                .subject(subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300)
                .jws().keyId("1")
                .sign();
    }

    /** The same claims with one character of the signature changed. */
    public static String tampered(String token) {
        int dot = token.lastIndexOf('.');
        char[] chars = token.toCharArray();
        chars[dot + 5] = chars[dot + 5] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    /** An "alg: none" token: claims without any signature. */
    public static String unsigned(String subject, String... roles) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String claims = url.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject
                + "\",\"exp\":" + (Instant.now().getEpochSecond() + 300)
                + ",\"realm_access\":{\"roles\":[\"" + String.join("\",\"", roles) + "\"]}}").getBytes());
        return header + "." + claims + ".";
    }
}
