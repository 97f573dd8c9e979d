package cn.vdp.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/** Real headless Chromium (Debian's, installed by make deps; never a downloaded one) driven by Playwright. */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("vdp.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Platform platform;

    public Browser(Platform platform) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: run 'make deps' (apt-get install chromium)");
        }
        this.platform = platform;
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage")));
    }

    /**
     * A fresh browser profile of {@code user} (a demo user), signed in on Keycloak's own login page through the
     * portal's authorization code flow, landing on {@code path}.
     */
    public Page signIn(String user, String path) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setAcceptDownloads(true).setViewportSize(1280, 900));
        Page page = context.newPage();
        page.navigate(platform.portalUrl() + path);
        page.waitForURL(url -> url.startsWith(platform.issuer()));
        page.fill("#username", user);
        page.fill("#password", user + "-local-only");
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(platform.portalUrl()));
        return page;
    }

    public Path screenshot(Page page, String name) {
        Path file = platform.output.resolve("screenshots").resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
