package cn.vdp.portal.support;

import java.net.URL;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.portal.support.Browser.Session;

/** What every browser test has: one Chromium per class, a fresh profile per session, users who can sign in. */
public abstract class BrowserTest {

    protected static Browser browser;

    @TestHTTPResource("/")
    protected URL portal;

    @ConfigProperty(name = "keycloak.url")
    protected String keycloak;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    /** A fresh browser whose preferred language is {@code locale} (en-US, zh-CN). */
    protected Session session(String locale) {
        return browser.session(portal.toString(), locale);
    }

    /** Lets {@code subject} sign in on the test login page with these realm roles. */
    protected void user(String subject, String... roles) {
        LoginStubs.user(keycloak, subject, roles);
    }
}
