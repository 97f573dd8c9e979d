package cn.vdp.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;

/**
 * Protects the forms that change something (consent, erasure) from cross-site requests. A random nonce lives in
 * a same-site, HTTP-only cookie; the form carries an HMAC of that nonce and the signed-in person's subject. Another
 * site can neither read the cookie nor compute the HMAC, and a token made for one person fails for another.
 * Templates read {@code inject:csrf.token}; form handlers call {@link #verify(String)}.
 */
@Named("csrf")
@RequestScoped
public class CsrfGuard {

    public static final String FIELD = "csrf";
    public static final ProblemType CSRF_FAILED = new ProblemType("form-expired", 403,
            "The form has expired or did not come from this portal");
    static final String COOKIE = "vdp-csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext request;

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfKey key;

    private String nonce;

    /** The token for this page's forms; sets the nonce cookie when the browser has none yet. */
    public String getToken() {
        return sign(nonce(), subject());
    }

    public String getField() {
        return FIELD;
    }

    public void verify(String token) {
        Cookie cookie = request.request().getCookie(COOKIE);
        boolean valid = cookie != null && token != null && MessageDigest.isEqual(
                sign(cookie.getValue(), subject()).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw new ProblemException(CSRF_FAILED, "Reload the page and submit the form again");
        }
    }

    private String nonce() {
        if (nonce == null) {
            Cookie cookie = request.request().getCookie(COOKIE);
            if (cookie != null) {
                nonce = cookie.getValue();
            } else {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.response().addCookie(Cookie.cookie(COOKIE, nonce).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(request.request().isSSL()));
            }
        }
        return nonce;
    }

    private String subject() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    private String sign(String value, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            byte[] digest = mac.doFinal((value + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
