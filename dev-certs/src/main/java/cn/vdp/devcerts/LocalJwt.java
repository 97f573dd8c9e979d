package cn.vdp.devcerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs RS256 tokens shaped like the platform realm's (roles in realm_access/roles, the client in azp) with a key
 * pair made for one run, so that services verify real signatures without an OIDC server: they are given the
 * public key ({@code quarkus.oidc.public-key}) and the issuer.
 */
public final class LocalJwt {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeyPair keys;
    private final String issuer;

    public LocalJwt(String issuer) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    /** The public key as quarkus.oidc.public-key expects it (base64 of the DER encoding). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String token(String subject, String client, String... roles) throws GeneralSecurityException {
        return token(subject, client, Duration.ofHours(6), roles);
    }

    public String token(String subject, String client, Duration lifetime, String... roles)
            throws GeneralSecurityException {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(json(Map.of("iss", issuer, "sub", subject, "azp", client,
                "iat", now, "exp", now + lifetime.toSeconds(), "realm_access", Map.of("roles", List.of(roles)))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + url.encodeToString(signer.sign());
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
