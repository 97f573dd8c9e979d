package cn.vdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.export.ManifestVerifier;
import cn.vdp.common.export.VerificationReport;
import cn.vdp.common.vin.Vin;
import cn.vdp.e2e.support.Browser;
import cn.vdp.e2e.support.Identity;
import cn.vdp.e2e.support.Platform;
import cn.vdp.fleet.Fleet;
import cn.vdp.fleet.FleetOptions;
import cn.vdp.fleet.FleetStats;
import cn.vdp.fleet.OperatorApiRegistry;
import cn.vdp.fleet.OwnerConsentApi;

/**
 * The platform as its people use it: a simulated car streams over mutual TLS; its owner signs in on Keycloak's own
 * login page in Chromium, sees the new values, the history chart and the trip track, downloads their data and
 * proves the download genuine; the other owner cannot reach that car, not even by typing its addresses; the regulator
 * finds those reads (and the other owner's attempts) in the audit trail, and the chain verifies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerJourneyIT {

    static Platform platform;
    static Browser browser;
    static String vin;
    static long stored;

    @BeforeAll
    static void aCarStreamsForOwnerA() throws Exception {
        platform = Platform.get();
        vin = platform.vins.get(0); // the fleet's first car
        URI storage = URI.create(platform.storageUrl());
        new OperatorApiRegistry(storage, () -> platform.tokens.of(Identity.OPERATOR).orElseThrow())
                .register(vin, Platform.OWNER_A);
        new OwnerConsentApi(storage, platform.tokens.of(Identity.OWNER_A).orElseThrow())
                .grant(vin, "location", Duration.ofDays(1));
        try (Fleet fleet = new Fleet(FleetOptions.of(URI.create(platform.ingestUrl()), platform.certificates.root(),
                1, 20).withBatching(20, Duration.ofMillis(500)))) {
            fleet.start();
            Thread.sleep(4000);
            assertThat(fleet.drain(Duration.ofSeconds(30))).as("every record acknowledged").isTrue();
            FleetStats.Snapshot sent = fleet.stats().snapshot();
            stored = sent.stored();
            assertThat(sent.refused()).isZero();
        }
        assertThat(stored).as("records stored over mTLS").isGreaterThan(20);
        browser = new Browser(platform);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void ownerSeesTheCarItsNewValuesTheChartAndTheTrack() {
        Page page = browser.signIn("owner1", "/vehicles");
        assertThat(page.url()).isEqualTo(platform.portalUrl() + "/vehicles");
        assertThat(page.textContent("#user")).contains("owner1");
        String vehicles = page.textContent("main");
        assertThat(vehicles).contains(Vin.masked(vin)).doesNotContain("never");
        assertThat(page.locator("table.latest tbody tr").count()).as("latest values").isGreaterThan(5);
        browser.screenshot(page, "owner-vehicles");

        page.navigate(platform.portalUrl() + "/vehicles/" + vin + "/history");
        assertThat(page.textContent("#record-count")).contains(stored + " records");
        String soc = page.getAttribute("figure.chart[data-signal='battery.soc'] polyline", "points");
        assertThat(soc.trim().split(" ")).as("one chart point per record").hasSize((int) stored);
        String track = page.getAttribute("figure.track polyline", "points");
        assertThat(track.trim().split(" ").length).as("the trip, from location points").isGreaterThan(1);
        browser.screenshot(page, "owner-history");
        page.context().close();
    }

    @Test
    @Order(2)
    void ownerDownloadsTheirDataAndItsManifestVerifies() throws Exception {
        Page page = browser.signIn("owner1", "/export");
        Download download = page.waitForDownload(() -> page.click("#download-all"));
        Path zip = platform.work.resolve("owner1-export.zip");
        download.saveAs(zip);

        // Offline, with nothing but the platform's public key as the portal publishes it.
        HttpResponse<String> key = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.portalUrl() + "/api/v1/exports/signing-key")).build(),
                HttpResponse.BodyHandlers.ofString());
        String pem = new ObjectMapper().readTree(key.body()).path("publicKeyPem").asText();
        VerificationReport report = ManifestVerifier.trusting(Ed25519Keys.publicKeyFromPem(pem), 64 << 20)
                .verify(zip);
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.VALID);
        assertThat(report.files()).extracting(VerificationReport.FileCheck::name).contains("telemetry.jsonl",
                "trips.gpx");

        // And through the portal's verify page, as the owner would.
        page.navigate(platform.portalUrl() + "/verify");
        page.setInputFiles("#file", zip);
        page.click("#verify");
        page.waitForSelector("#verdict");
        assertThat(page.getAttribute("#verdict", "data-verdict")).isEqualTo("VALID");
        browser.screenshot(page, "owner-verify");
        page.context().close();
    }

    @Test
    @Order(3)
    void theOtherOwnerCannotSeeTheCarNotEvenByItsAddresses() {
        Page page = browser.signIn("owner2", "/vehicles");
        assertThat(page.textContent("main")).doesNotContain(Vin.masked(vin));
        for (String path : new String[] { "/vehicles/" + vin + "/history", "/export/download?vin=" + vin }) {
            Response answer = page.navigate(platform.portalUrl() + path);
            assertThat(answer.status()).as(path).isEqualTo(404);
        }
        browser.screenshot(page, "other-owner-404");
        page.context().close();
    }

    @Test
    @Order(4)
    void regulatorSeesTheAuditEventsOfTheseReadsAndTheChainVerifies() {
        Page page = browser.signIn("regulator", "/regulator/events?actor=" + Platform.OWNER_A + "&limit=200");
        assertThat(page.url()).startsWith(platform.portalUrl() + "/regulator/events");
        List<String> ownerReadsOfTheCar = new ArrayList<>();
        for (Locator row : page.locator("#events tr.event").all()) {
            if (vin.equals(row.locator("td.vin").textContent().trim())) {
                ownerReadsOfTheCar.add(row.locator("td:nth-child(5) code").textContent() + " "
                        + row.locator("td:nth-child(6)").textContent().trim());
            }
        }
        assertThat(ownerReadsOfTheCar).as("owner1's reads of the car, audited")
                .contains("telemetry.latest success", "telemetry.read success");
        assertThat(page.locator("#events tr.event td:nth-child(5) code").allTextContents())
                .as("owner1's download, audited").contains("export.download");
        browser.screenshot(page, "regulator-events");

        page.navigate(platform.portalUrl() + "/regulator/events?actor=" + Platform.OWNER_B + "&vin=" + vin);
        assertThat(page.locator("#events tr.event.denied").count())
                .as("owner2's attempts at the car, audited as denied").isGreaterThan(0);

        page.navigate(platform.portalUrl() + "/regulator/verification?run=true");
        assertThat(page.getAttribute("#chain", "data-status")).isEqualTo("INTACT");
        assertThat(Long.parseLong(page.textContent("#events-verified").trim())).isGreaterThan(ownerReadsOfTheCar.size());
        browser.screenshot(page, "regulator-verification");
        page.context().close();
    }
}
