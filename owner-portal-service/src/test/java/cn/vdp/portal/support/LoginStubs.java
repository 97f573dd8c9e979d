package cn.vdp.portal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URI;

import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * Teaches the OIDC test server's code flow about our users. Its login page sends the typed user name to /login;
 * these stubs answer that user's name with a code of their own, and exchange that code for tokens signed for
 * that user and roles. Signing out through the end-session endpoint returns to the portal; the portal's own client
 * credentials get a service token.
 */
public final class LoginStubs {

    private static final String REALM = "/auth/realms/quarkus";
    private static final int BEFORE_DEFAULTS = 1;

    private LoginStubs() {
    }

    static void install(String keycloakUrl) {
        // The portal's own token (client credentials), for storage-service calls that are nobody's in particular.
        String service = "{\"access_token\":\"" + Tokens.access("service-account-vdp-portal") + "\","
                + "\"token_type\":\"Bearer\",\"expires_in\":14400}";
        admin(keycloakUrl).register(post(urlPathEqualTo(REALM + "/token"))
                .withRequestBody(containing("grant_type=client_credentials")).atPriority(BEFORE_DEFAULTS)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(service)));
        admin(keycloakUrl).register(get(urlPathEqualTo(REALM + "/protocol/openid-connect/end-session"))
                .atPriority(BEFORE_DEFAULTS)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                        .withTransformers("response-template")));
    }

    /** Lets {@code subject} sign in on the test login page, with these realm roles. */
    public static void user(String keycloakUrl, String subject, String... roles) {
        WireMock admin = admin(keycloakUrl);
        String code = "code-" + subject;
        admin.register(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(subject))
                .atPriority(BEFORE_DEFAULTS)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location",
                                "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)
                        .withTransformers("response-template")));
        String tokens = "{\"access_token\":\"" + Tokens.access(subject, roles) + "\","
                + "\"token_type\":\"Bearer\",\"expires_in\":14400,"
                + "\"refresh_token\":\"refresh-" + subject + "\","
                + "\"id_token\":\"" + Tokens.id(subject) + "\"}";
        admin.register(post(urlPathEqualTo(REALM + "/token")).withRequestBody(containing("code=" + code))
                .atPriority(BEFORE_DEFAULTS)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(tokens)));
    }

    private static WireMock admin(String keycloakUrl) {
        URI uri = URI.create(keycloakUrl);
        return new WireMock(uri.getHost(), uri.getPort());
    }
}
