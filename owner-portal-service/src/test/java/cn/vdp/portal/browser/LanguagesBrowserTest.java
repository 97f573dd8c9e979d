package cn.vdp.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import cn.vdp.portal.support.Browser.Session;
import cn.vdp.portal.support.BrowserTest;
import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Seed;

/**
 * Every page in both languages: chosen from the browser's preference, switchable on every page (and kept), each
 * page loading nothing from outside the portal; the public pages work without signing in.
 */
@PortalTest
class LanguagesBrowserTest extends BrowserTest {

    static final String OWNER = "language-owner";
    static String car;

    @BeforeAll
    static void anOwnerWithACar() {
        car = Seed.vehicle(OWNER, "Model Y");
        Seed.drive(car, 1, 30, Instant.now(), Duration.ofSeconds(1), true);
    }

    /** Each page and its heading in English and in Chinese. */
    static Map<String, String[]> pages() {
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("home", new String[] { "/", "Your car's data, in your hands", "您的车辆数据，由您掌控" });
        pages.put("vehicles", new String[] { "/vehicles", "My vehicles", "我的车辆" });
        pages.put("history", new String[] { "/vehicles/" + car + "/history", "History of", "的历史记录" });
        pages.put("notice", new String[] { "/privacy", "What is collected", "收集哪些数据" });
        pages.put("settings", new String[] { "/settings", "Privacy settings", "隐私设置" });
        pages.put("export", new String[] { "/export", "Download my data", "下载我的数据" });
        pages.put("verify", new String[] { "/verify", "Verify a download", "验证下载文件" });
        pages.put("erasure", new String[] { "/erasure", "Delete my data", "删除我的数据" });
        return pages;
    }

    @Test
    void everyPageSpeaksTheBrowsersLanguageAndLoadsOnlyFromThePortal() {
        user(OWNER, "owner");
        for (String locale : new String[] { "en-US", "zh-CN" }) {
            boolean chinese = locale.startsWith("zh");
            try (Session session = session(locale)) {
                session.signIn(OWNER, "/vehicles");
                pages().forEach((name, page) -> {
                    Response answer = session.page.navigate(session.url(page[0]));
                    assertThat(answer.status()).as(name).isEqualTo(200);
                    assertThat(answer.headers().get("content-security-policy")).as(name)
                            .contains("default-src 'none'").doesNotContain("http");
                    assertThat(session.page.getAttribute("html", "lang")).as(name).isEqualTo(chinese ? "zh-CN" : "en");
                    assertThat(session.page.textContent("h1")).as(name).contains(chinese ? page[2] : page[1]);
                    session.screenshot(name + (chinese ? "-zh" : "-en"));
                });
                assertThat(session.foreignRequests()).isEmpty();
            }
        }
    }

    @Test
    void theLanguageSwitchOnAPageReturnsToThatPageAndIsKept() {
        user(OWNER, "owner");
        try (Session session = session("en-US")) {
            Page page = session.signIn(OWNER, "/vehicles");
            page.navigate(session.url("/vehicles/" + car + "/history?signal=battery.soc"));
            page.click("#lang-zh");
            page.waitForLoadState();
            assertThat(page.url()).endsWith("/vehicles/" + car + "/history?signal=battery.soc");
            assertThat(page.textContent("h1")).contains("的历史记录");
            assertThat(page.textContent("figcaption")).contains("电池电量");
            page.navigate(session.url("/privacy"));
            assertThat(page.textContent("h1")).isEqualTo("收集哪些数据");
            assertThat(page.textContent("#category-location")).contains("位置", "默认关闭，需您允许", "30 天");
            session.screenshot("notice-switched-zh");
            page.click("#lang-en");
            page.waitForLoadState();
            assertThat(page.textContent("h1")).isEqualTo("What is collected");
            assertThat(session.foreignRequests()).isEmpty();
        }
    }

    @Test
    void publicPagesWorkWithoutSigningIn() {
        try (Session session = session("zh-CN")) {
            for (String path : new String[] { "/", "/privacy", "/verify" }) {
                Response answer = session.page.navigate(session.url(path));
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.url()).as(path).isEqualTo(session.url(path));
                assertThat(session.page.isVisible("#sign-in")).as(path).isTrue();
            }
            Response css = session.page.navigate(session.url("/static/portal.css"));
            assertThat(css.status()).isEqualTo(200);
            assertThat(css.headers().get("content-security-policy")).contains("default-src 'none'");
            // An open redirect would send people to any site from a link on ours.
            Response away = session.page.navigate(session.url("/lang/en?next=//example.org/x"));
            assertThat(away.url()).isEqualTo(session.url("/"));
            assertThat(session.foreignRequests()).isEmpty();
        }
    }
}
