package cn.vdp.portal.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import cn.vdp.portal.support.Browser.Session;
import cn.vdp.portal.support.BrowserTest;
import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Tokens;
import cn.vdp.portal.web.PortalTime;

/**
 * Privacy settings in a real browser, in Chinese: location collection on until a chosen day (stored as the end of
 * that day, China Standard Time), then off; a day too far ahead is refused with storage-service's reason; a form
 * posted without this portal's token changes nothing.
 */
@PortalTest
class SettingsBrowserTest extends BrowserTest {

    static final String OWNER = "settings-owner";
    static String car;
    static String othersCar;

    @BeforeAll
    static void anOwnerWithACar() {
        car = Seed.vehicle(OWNER, "Model Y");
        othersCar = Seed.vehicle("settings-other-owner", "Model S");
    }

    @Test
    void ownerTurnsLocationOnUntilAChosenDayAndOffAgain() {
        user(OWNER, "owner");
        try (Session session = session("zh-CN")) {
            Page page = session.signIn(OWNER, "/settings");
            assertThat(page.textContent("h1")).isEqualTo("隐私设置");
            Locator row = page.locator("#consent-" + car + "-location");
            assertThat(row.getAttribute("data-live")).isEqualTo("false");
            assertThat(row.textContent()).contains("已关闭");

            LocalDate lastDay = LocalDate.now(PortalTime.ZONE).plusDays(30);
            row.locator("input[name=until]").fill(lastDay.toString());
            row.locator("button.on").click();
            page.waitForURL(url -> url.contains("saved=location"));
            assertThat(page.textContent("#saved")).contains("已保存");
            row = page.locator("#consent-" + car + "-location");
            assertThat(row.getAttribute("data-live")).isEqualTo("true");
            assertThat(row.textContent()).contains("已开启，至 " + lastDay + " 23:59");
            session.screenshot("settings-zh");
            // What storage-service now holds: through the chosen day, China Standard Time; nothing else turned on.
            given().auth().oauth2(Tokens.owner(OWNER)).get("/api/v1/vehicles/" + car + "/consents").then()
                    .statusCode(200)
                    .body("find { it.category == 'location' }.expiresAt",
                            equalTo(PortalTime.endOfDay(lastDay).toString()))
                    .body("find { it.category == 'driving' }.granted", equalTo(false))
                    .body("find { it.category == 'cabin_media' }.granted", equalTo(false));

            page.locator("#consent-" + car + "-location button.off").click();
            page.waitForLoadState();
            assertThat(page.locator("#consent-" + car + "-location").getAttribute("data-live")).isEqualTo("false");
            given().auth().oauth2(Tokens.owner(OWNER)).get("/api/v1/vehicles/" + car + "/consents").then()
                    .body("find { it.category == 'location' }.live", equalTo(false));
            assertThat(session.foreignRequests()).isEmpty();
        }
    }

    @Test
    void aDayTooFarAheadIsRefusedWithTheReason() {
        user(OWNER, "owner");
        try (Session session = session("en-US")) {
            Page page = session.signIn(OWNER, "/settings");
            Locator row = page.locator("#consent-" + car + "-driving");
            row.locator("input[name=until]").fill(LocalDate.now(PortalTime.ZONE).plusYears(3).toString());
            row.locator("button.on").click();
            page.waitForLoadState();
            assertThat(page.textContent("#refused")).contains("The change was not accepted", "at most");
            assertThat(page.locator("#consent-" + car + "-driving").getAttribute("data-live")).isEqualTo("false");
            session.screenshot("settings-refused-en");
        }
    }

    @Test
    void aFormWithoutThePortalsTokenChangesNothing() {
        user(OWNER, "owner");
        try (Session session = session("en-US")) {
            session.signIn(OWNER, "/settings");
            // The browser's own cookies go along, as they would with a form on another site.
            APIResponse forged = session.context().request().post(session.url("/settings/" + car + "/cabin_media"),
                    RequestOptions.create().setForm(FormData.create().set("granted", "true")
                            .set("until", LocalDate.now(PortalTime.ZONE).plusDays(5).toString()))
                            .setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            given().auth().oauth2(Tokens.owner(OWNER)).get("/api/v1/vehicles/" + car + "/consents").then()
                    .body("find { it.category == 'cabin_media' }.granted", equalTo(false));

            // Even with this portal's valid token, another owner's car stays out of reach.
            String token = session.page.getAttribute("input[name=csrf]", "value");
            APIResponse foreign = session.context().request().post(session.url("/settings/" + othersCar + "/location"),
                    RequestOptions.create().setForm(FormData.create().set("csrf", token).set("granted", "false"))
                            .setMaxRedirects(0));
            assertThat(foreign.status()).isEqualTo(404);
        }
    }
}
