package cn.vdp.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import cn.vdp.common.vin.Vin;
import cn.vdp.portal.support.Browser.Session;
import cn.vdp.portal.support.BrowserTest;
import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.web.PortalTime;

/**
 * An owner in a real browser: signs in, sees their vehicles and history (chart and trip track), changes a privacy
 * setting, in English and in Chinese; never sees another owner's car, whatever they type into the address bar;
 * and no page loads anything from outside the portal.
 */
@PortalTest
class OwnerPagesBrowserTest extends BrowserTest {

    static final String OWNER_A = "browser-owner-a";
    static final String OWNER_B = "browser-owner-b";
    static final String NO_ROLE = "browser-no-role";
    static String carA;
    static String soldByA;
    static String carB;
    static Instant start;

    @BeforeAll
    static void twoOwnersAndACarThatChangedHands() {
        carA = Seed.vehicle(OWNER_A, "Model Y");
        start = Instant.now();
        Seed.drive(carA, 1, 60, start, Duration.ofSeconds(2), true);
        soldByA = Seed.vehicle(OWNER_A, "Model 3");
        // A's period of this car lasts only until the transfer below: A's records lie within milliseconds.
        Seed.drive(soldByA, 1, 10, Instant.now(), Duration.ofMillis(1), false);
        Seed.transfer(soldByA, OWNER_B);
        Seed.drive(soldByA, 1000, 10, Instant.now().plusSeconds(30), Duration.ofSeconds(1), false);
        carB = Seed.vehicle(OWNER_B, "Model S");
        Seed.drive(carB, 1, 30, Instant.now(), Duration.ofSeconds(1), true);
    }

    @Test
    void ownerSignsInAndSeesTheirVehiclesButNeverAnotherOwnersCar() {
        user(OWNER_A, "owner");
        try (Session session = session("en-US")) {
            Page page = session.signIn(OWNER_A, "/vehicles");
            assertThat(page.url()).endsWith("/vehicles");
            assertThat(page.textContent("#user")).contains(OWNER_A);
            String text = page.textContent("main");
            assertThat(text).contains("Model Y", "Model 3", Vin.masked(carA), Vin.masked(soldByA))
                    .contains("Battery charge", "You own this vehicle", "Formerly yours")
                    .doesNotContain(carA, soldByA, carB, Vin.masked(carB), "Model S");
            session.screenshot("vehicles-en");

            for (String path : new String[] { "/vehicles/" + carB + "/history", "/export/download?vin=" + carB }) {
                Response answer = page.navigate(session.url(path));
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(page.textContent("#error")).contains("no such vehicle among yours")
                        .doesNotContain("Model S");
            }
            session.screenshot("not-yours-en");
            page.navigate(session.url("/settings"));
            assertThat(page.textContent("main")).contains(Vin.masked(carA)).doesNotContain(Vin.masked(carB))
                    .doesNotContain(Vin.masked(soldByA));
            // The JSON API takes bearer tokens only: the session cookie of the pages opens nothing there.
            assertThat(session.context().request().get(session.url("/api/v1/vehicles/" + carA)).status())
                    .isEqualTo(401);
            assertThat(session.foreignRequests()).isEmpty();

            page.navigate(session.url("/vehicles"));
            page.click("#sign-out");
            page.waitForSelector("#sign-in");
            assertThat(page.url()).isEqualTo(session.url("/"));
            page.navigate(session.url("/vehicles"));
            assertThat(page.url()).doesNotStartWith(session.url("/vehicles")); // off to sign in again
        }
    }

    @Test
    void historyDrawsChartsTrackAndTable() {
        user(OWNER_A, "owner");
        try (Session session = session("en-US")) {
            session.signIn(OWNER_A, "/vehicles");
            Page page = session.open(history(carA)
                    + "&signal=battery.soc&signal=vehicle.speed&signal=vehicle.odometer&signal=vehicle.gear");
            assertThat(page.textContent("#record-count")).contains("60 records");
            String points = page.getAttribute("figure.chart[data-signal='battery.soc'] polyline", "points");
            assertThat(points.trim().split(" ")).hasSize(60);
            assertThat(page.locator("figure.chart").count()).isEqualTo(3); // gear is text: table only
            assertThat(page.locator("figure.chart[data-signal='vehicle.speed'] text.x-label").count()).isEqualTo(5);
            String track = page.getAttribute("figure.track polyline", "points");
            assertThat(track.trim().split(" ")).hasSize(60);
            assertThat(page.locator("table.records tbody tr").count()).isEqualTo(60);
            session.screenshot("history-en");

            assertThat(page.textContent("table.records tbody tr td.num")).matches("\\d+(\\.\\d{1,6})?");

            // The form keeps the choice: unticking a signal removes its chart.
            page.uncheck("input[name=signal][value='vehicle.odometer']");
            page.click("#show");
            page.waitForLoadState();
            assertThat(page.locator("figure.chart").count()).isEqualTo(2);

            Response bad = page.navigate(session.url("/vehicles/" + carA + "/history?from=yesterday"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(page.textContent("#error")).contains("from must be a date and time");
            assertThat(session.foreignRequests()).isEmpty();
        }
    }

    @Test
    void formerOwnerSeesOnlyTheirOwnPeriodOfASoldCar() {
        user(OWNER_A, "owner");
        try (Session session = session("en-US")) {
            session.signIn(OWNER_A, "/vehicles");
            Page page = session.open(history(soldByA));
            assertThat(page.textContent("#record-count")).contains("10 records");
            assertThat(page.locator("#no-track").isVisible()).isTrue();
        }
    }

    @Test
    void signedInPersonWithoutTheOwnerRoleGetsAClear403Page() {
        user(NO_ROLE, "regulator");
        try (Session session = session("en-US")) {
            Page page = session.signIn(NO_ROLE, "/vehicles");
            assertThat(page.textContent("#error")).contains("Not allowed", "owner role");
            Response answer = page.navigate(session.url("/settings"));
            assertThat(answer.status()).isEqualTo(403);
            session.screenshot("forbidden-en");
        }
    }

    /** The history page of a car over a range around the test's drives. */
    static String history(String vin) {
        return "/vehicles/" + vin + "/history?from=" + PortalTime.inputValue(start.minus(5, ChronoUnit.MINUTES))
                + "&to=" + PortalTime.inputValue(start.plus(10, ChronoUnit.MINUTES));
    }
}
