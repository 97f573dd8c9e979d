package cn.vdp.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import cn.vdp.common.security.Roles;

/**
 * What every page needs to know about the request it renders: its language, where the language switch returns
 * to, and who is signed in. Templates read it as {@code inject:page}.
 */
@Named("page")
@RequestScoped
public class PageContext {

    /** Cookies of the code flow's session (the tokens may be split and chunked). */
    static final String SESSION_COOKIE_PREFIX = "q_session";

    @Inject
    RoutingContext request;

    @Inject
    SecurityIdentity identity;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            Cookie cookie = request.request().getCookie(Languages.COOKIE);
            List<Locale> acceptable = request.acceptableLanguages().stream()
                    .map(l -> Locale.forLanguageTag(l.tag())).toList();
            locale = Languages.choose(cookie == null ? null : cookie.getValue(), acceptable);
        }
        return locale;
    }

    /** Renders a page in the request's language. */
    public TemplateInstance render(TemplateInstance page) {
        return page.setLocale(locale());
    }

    public String getLang() {
        return Languages.htmlLang(locale());
    }

    public boolean isChinese() {
        return Languages.CHINESE.equals(locale());
    }

    /** This page's path and query, URL-encoded, for the language switch to come back to. */
    public String getReturnTo() {
        String uri = request.request().uri();
        return URLEncoder.encode(uri == null ? "/" : uri, StandardCharsets.UTF_8);
    }

    /**
     * Whether someone is signed in. Looked at only when a session cookie came along: an anonymous visitor of a
     * public page never makes the portal contact the identity provider (which may even be down).
     */
    public boolean isSignedIn() {
        boolean hasSession = request.request().cookies().stream()
                .anyMatch(c -> c.getName().startsWith(SESSION_COOKIE_PREFIX));
        return hasSession && !identity.isAnonymous();
    }

    public boolean isOwner() {
        return isSignedIn() && identity.hasRole(Roles.OWNER);
    }

    /** A regulator sees their own pages in the navigation instead of the owners'. */
    public boolean isRegulator() {
        return isSignedIn() && identity.hasRole(Roles.REGULATOR);
    }

    public String getUserName() {
        return isSignedIn() ? identity.getPrincipal().getName() : "";
    }
}
