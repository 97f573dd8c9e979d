package cn.vdp.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import cn.vdp.portal.support.Browser.Session;
import cn.vdp.portal.support.BrowserTest;
import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Rows;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Zips;

/**
 * The owner's rights in a real browser: download everything and have it verified (valid; one changed byte is
 * caught), and have it deleted, with a receipt whose status follows the job to completion.
 */
@PortalTest
class RightsBrowserTest extends BrowserTest {

    static final String DOWNLOADER = "rights-downloader";
    static final String ERASER = "rights-eraser";
    static final Path DOWNLOADS = Path.of(System.getProperty("vdp.test.output", "target"), "downloads");
    static String downloadersCar;
    static String erasersCar;

    @BeforeAll
    static void ownersWhoDrove() throws IOException {
        Files.createDirectories(DOWNLOADS);
        downloadersCar = Seed.vehicle(DOWNLOADER, "Model Y");
        Seed.drive(downloadersCar, 1, 30, Instant.now(), Duration.ofSeconds(1), true);
        erasersCar = Seed.vehicle(ERASER, "Model 3");
        Seed.drive(erasersCar, 1, 30, Instant.now(), Duration.ofSeconds(1), true);
    }

    @Test
    void ownerDownloadsTheirDataAndTheVerifyPageCatchesAChangedByte() throws IOException {
        user(DOWNLOADER, "owner");
        try (Session session = session("en-US")) {
            Page page = session.signIn(DOWNLOADER, "/export");
            assertThat(page.textContent("#key-id")).isNotBlank();
            session.screenshot("export-en");
            Download download = page.waitForDownload(() -> page.click("#download-all"));
            assertThat(download.suggestedFilename()).startsWith("vdp-export-").endsWith(".zip");
            Path zip = DOWNLOADS.resolve("export.zip");
            download.saveAs(zip);
            assertThat(Zips.entries(Files.readAllBytes(zip))).containsKeys("telemetry.jsonl", "telemetry.csv",
                    "trips.gpx", "manifest.json", "manifest.sig");

            page.navigate(session.url("/verify"));
            page.setInputFiles("#file", zip);
            page.click("#verify");
            page.waitForSelector("#verdict");
            assertThat(page.getAttribute("#verdict", "data-verdict")).isEqualTo("VALID");
            assertThat(page.textContent("#verdict")).contains("Valid");
            session.screenshot("verify-valid-en");

            Path altered = DOWNLOADS.resolve("export-one-byte-changed.zip");
            Files.write(altered, Zips.withOneByteChanged(Files.readAllBytes(zip), "telemetry.csv"));
            page.setInputFiles("#file", altered);
            page.click("#verify");
            page.waitForSelector("#verdict[data-verdict='ALTERED']");
            assertThat(page.textContent("tr.changed")).contains("telemetry.csv");
            assertThat(page.locator("tr.changed").count()).isEqualTo(1);
            session.screenshot("verify-altered-en");
            assertThat(session.foreignRequests()).isEmpty();
        }
    }

    @Test
    void anyoneCanVerifyWithoutSigningInInChinese() throws IOException {
        Path zip = DOWNLOADS.resolve("export.zip");
        if (!Files.exists(zip)) {
            ownerDownloadsTheirDataAndTheVerifyPageCatchesAChangedByte();
        }
        try (Session session = session("zh-CN")) {
            Page page = session.open("/verify");
            page.setInputFiles("#file", zip);
            page.click("#verify");
            page.waitForSelector("#verdict");
            assertThat(page.textContent("#verdict")).contains("有效");
            session.screenshot("verify-valid-zh");
        }
    }

    @Test
    void ownerAsksForErasureAndFollowsTheReceiptToCompletion() {
        user(ERASER, "owner");
        String inPeriod = "SELECT count(*) FROM telemetry WHERE vin = ?";
        assertThat(Rows.count(inPeriod, erasersCar)).isPositive();
        try (Session session = session("zh-CN")) {
            Page page = session.signIn(ERASER, "/erasure");
            assertThat(page.textContent("h1")).isEqualTo("删除我的数据");
            page.click("#erase");
            page.waitForSelector("#unconfirmed");
            assertThat(page.textContent("#unconfirmed")).contains("请勾选以确认");
            assertThat(Rows.count(inPeriod, erasersCar)).isPositive();

            page.check("#confirm");
            page.click("#erase");
            page.waitForURL(url -> url.matches(".*/erasure/[^/]+$"));
            assertThat(page.textContent("h1")).isEqualTo("删除申请回执");
            assertThat(page.textContent("#receipt-id")).isNotBlank();
            session.screenshot("erasure-receipt-zh");
            // The receipt page refreshes itself until storage-service has done the job.
            page.waitForSelector("#status[data-status='COMPLETED']",
                    new Page.WaitForSelectorOptions().setTimeout(Duration.ofMinutes(2).toMillis()));
            assertThat(page.textContent("#status")).contains("已完成");
            session.screenshot("erasure-completed-zh");
            assertThat(Rows.count(inPeriod, erasersCar)).isZero();
            assertThat(session.foreignRequests()).isEmpty();
        }
    }
}
