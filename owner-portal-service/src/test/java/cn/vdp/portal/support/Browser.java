package cn.vdp.portal.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Real headless Chromium (Debian's, never a downloaded one) driven by Playwright. Every request the browser makes
 * is recorded: a portal page may load only from the portal's own origin; the identity provider is allowed only
 * while signing in.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get(System.getProperty("vdp.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("vdp.test.output", "target"), "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: run 'make deps' (apt-get install chromium)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage")));
    }

    /** A fresh browser profile (no cookies) whose preferred language is {@code locale}, e.g. en-US or zh-CN. */
    public Session session(String portal, String locale) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setAcceptDownloads(true).setViewportSize(1280, 900));
        return new Session(context, portal);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    /** One person's browser: their cookies, their pages, what they loaded. */
    public static final class Session implements AutoCloseable {

        private final BrowserContext context;
        private final String portal;
        private final String identityProvider;
        private final List<String> foreign = new ArrayList<>();
        private boolean signingIn;
        public final Page page;

        Session(BrowserContext context, String portal) {
            this.context = context;
            this.portal = origin(portal);
            this.identityProvider = origin(ConfigProvider.getConfig().getValue("keycloak.url", String.class));
            context.onRequest(request -> {
                String url = request.url();
                if (url.startsWith("data:") || url.startsWith("about:")) {
                    return; // nothing leaves the browser
                }
                String origin = origin(url);
                if (!origin.equals(this.portal) && !(signingIn && origin.equals(identityProvider))) {
                    foreign.add(url);
                }
            });
            page = context.newPage();
        }

        /** Signs in on the identity provider's login page, then lands on {@code path} of the portal. */
        public Page signIn(String user, String path) {
            signingIn = true;
            try {
                page.navigate(portal + path);
                page.fill("#username", user);
                page.fill("#password", "not-checked-by-the-test-server");
                page.click("#login");
                page.waitForURL(url -> url.startsWith(portal));
            } finally {
                signingIn = false;
            }
            return page;
        }

        public Page open(String path) {
            page.navigate(portal + path);
            return page;
        }

        public String url(String path) {
            return portal + path;
        }

        public BrowserContext context() {
            return context;
        }

        /** Requests that went anywhere but the portal (and the identity provider while signing in). */
        public List<String> foreignRequests() {
            return List.copyOf(foreign);
        }

        public Path screenshot(String name) {
            Path file = SCREENSHOTS.resolve(name + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            return file;
        }

        @Override
        public void close() {
            context.close();
        }

        private static String origin(String url) {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getAuthority();
        }
    }
}
