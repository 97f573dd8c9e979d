package cn.vdp.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;

import cn.vdp.common.testing.OpenApiOperations.Operation;
import cn.vdp.portal.support.Browser.Session;
import cn.vdp.portal.support.BrowserTest;
import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Rows;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Tokens;
import cn.vdp.portal.support.WriteEndpoints;

/**
 * A regulator in a real browser, in English and in Chinese: browses and filters the audit trail page by page,
 * downloads it as CSV, runs the verification, sees the signed checkpoints and the compliance report with its JSON and
 * CSV; every page comes from the portal alone. Owners get 403 on these pages, and the regulator's session gets 403
 * problem+json on every form the portal has.
 */
@PortalTest
class RegulatorPagesBrowserTest extends BrowserTest {

    static final String REGULATOR = "browser-regulator";
    static final String OWNER = "browser-audited-owner";
    static final Path DOWNLOADS = Path.of(System.getProperty("vdp.test.output", "target"), "downloads");
    static String car;

    @BeforeAll
    static void anOwnerWhoseCarWasRead() throws IOException {
        Files.createDirectories(DOWNLOADS);
        car = Seed.vehicle(OWNER, "Model Y");
        Seed.drive(car, 1, 5, Instant.now(), Duration.ofSeconds(1), false);
        for (int i = 0; i < 3; i++) { // three audited reads of this car
            Seed.storage(Tokens.owner(OWNER)).get("/api/v1/vehicles/" + car + "/telemetry").then().statusCode(200);
        }
    }

    @Test
    void regulatorBrowsesFiltersPagesAndDownloadsTheTrailInEnglish() throws IOException {
        user(REGULATOR, "regulator");
        try (Session session = session("en-US")) {
            Page page = session.signIn(REGULATOR, "/regulator/events");
            assertThat(page.textContent("h1")).isEqualTo("Audit trail");
            assertThat(page.locator("#nav-audit").isVisible()).isTrue();
            assertThat(page.locator("#nav-vehicles").count()).as("no owner pages offered").isZero();
            assertThat(page.locator("#events tbody tr").count()).isPositive();
            session.screenshot("regulator-events-en");

            page.fill("#vin", car);
            page.selectOption("#outcome", "success");
            page.click("#apply");
            page.waitForLoadState();
            List<String> vins = page.locator("#events tbody td.vin").allTextContents();
            assertThat(vins).hasSizeGreaterThanOrEqualTo(4).allMatch(car::equals); // registration and 3 reads
            assertThat(page.locator("#events tbody tr").allTextContents()).anyMatch(r -> r.contains("telemetry.read"));
            session.screenshot("regulator-events-filtered-en");

            page.navigate(session.url("/regulator/events?vin=" + car + "&limit=2"));
            assertThat(page.locator("#events tbody tr").count()).isEqualTo(2);
            List<String> first = List.of(page.locator("#events tbody tr").nth(0).getAttribute("data-id"),
                    page.locator("#events tbody tr").nth(1).getAttribute("data-id"));
            page.click("#next");
            page.waitForLoadState();
            List<String> second = page.locator("#events tbody tr").allTextContents();
            assertThat(second).isNotEmpty();
            assertThat(page.locator("#events tbody tr").first().getAttribute("data-id")).isNotIn(first);
            assertThat(Long.parseLong(page.locator("#events tbody tr").first().getAttribute("data-id")))
                    .isLessThan(Long.parseLong(first.get(1)));
            assertThat(page.locator("#first").isVisible()).isTrue();

            page.navigate(session.url("/regulator/events?vin=" + car));
            Download csv = page.waitForDownload(() -> page.click("#csv"));
            assertThat(csv.suggestedFilename()).isEqualTo("audit-events.csv");
            Path file = DOWNLOADS.resolve("audit-events.csv");
            csv.saveAs(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).startsWith("id,");
            assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(4).allMatch(l -> l.contains(car));
            assertThat(session.foreignRequests()).isEmpty();
        }
    }

    @Test
    void regulatorVerifiesTheChainSeesCheckpointsAndTheReportInChinese() throws Exception {
        user(REGULATOR, "regulator");
        try (Session session = session("zh-CN")) {
            Page page = session.signIn(REGULATOR, "/regulator/verification");
            assertThat(page.textContent("h1")).isEqualTo("完整性校验");
            page.click("#run");
            page.waitForSelector("#chain");
            assertThat(page.getAttribute("#chain", "data-status")).isEqualTo("INTACT");
            assertThat(Long.parseLong(page.textContent("#events-verified").trim())).isPositive();
            assertThat(page.textContent("#staged-overdue").trim()).isEqualTo("0"); // the chainer keeps up
            assertThat(page.textContent("#chain h2")).contains("完整");
            session.screenshot("regulator-verification-zh");

            String keyId = Seed.storage(Tokens.access(REGULATOR, "regulator")).get("/api/v1/exports/signing-key")
                    .then().statusCode(200).extract().path("keyId");
            for (int i = 0; i < 50 && page.locator("#checkpoints").count() == 0; i++) {
                page.navigate(session.url("/regulator/checkpoints")); // one is signed every few seconds
                page.waitForTimeout(200);
            }
            assertThat(page.textContent("h1")).isEqualTo("签名检查点");
            assertThat(page.textContent("#key-id")).as("signed with the export key").isEqualTo(keyId);
            assertThat(page.locator("#checkpoints .signature-valid").count()).isPositive();
            session.screenshot("regulator-checkpoints-zh");

            page.navigate(session.url("/regulator/report"));
            assertThat(page.textContent("h1")).contains("年度合规报告");
            assertThat(Long.parseLong(page.textContent("#registered").trim()))
                    .isEqualTo(Rows.count("SELECT count(*) FROM vehicle"));
            assertThat(page.getAttribute("#chain", "data-status")).isEqualTo("INTACT");
            assertThat(page.textContent("#region")).contains("cn-north-1");
            session.screenshot("regulator-report-zh");
            Download json = page.waitForDownload(() -> page.click("#json"));
            assertThat(json.suggestedFilename()).matches("compliance-report-\\d{4}\\.json");
            Path jsonFile = DOWNLOADS.resolve("compliance-report.json");
            json.saveAs(jsonFile);
            assertThat(Files.readString(jsonFile)).contains("\"erasure\"", "\"chain\"");
            Download csv = page.waitForDownload(() -> page.click("#csv"));
            Path csvFile = DOWNLOADS.resolve("compliance-report.csv");
            csv.saveAs(csvFile);
            assertThat(Files.readString(csvFile)).startsWith("section,item,figure,value").contains("chain,,status,INTACT");
            assertThat(session.foreignRequests()).isEmpty();
        }
    }

    @Test
    void regulatorPagesInEnglishAndTheTrailInChinese() {
        user(REGULATOR, "regulator");
        try (Session session = session("en-US")) {
            Page page = session.signIn(REGULATOR, "/regulator/report");
            assertThat(page.textContent("h1")).startsWith("Compliance report");
            session.screenshot("regulator-report-en");
            page.navigate(session.url("/regulator/checkpoints"));
            assertThat(page.textContent("h1")).isEqualTo("Checkpoints");
            session.screenshot("regulator-checkpoints-en");
            page.navigate(session.url("/regulator/verification?run=true"));
            assertThat(page.getAttribute("#chain", "data-status")).isEqualTo("INTACT");
            session.screenshot("regulator-verification-en");
        }
        try (Session session = session("zh-CN")) {
            Page page = session.signIn(REGULATOR, "/regulator/events");
            assertThat(page.textContent("h1")).isEqualTo("审计日志");
            assertThat(page.textContent("#apply")).isEqualTo("筛选");
            session.screenshot("regulator-events-zh");
        }
    }

    @Test
    void anOwnerGets403OnEveryRegulatorPage() {
        user(OWNER, "owner");
        try (Session session = session("en-US")) {
            Page page = session.signIn(OWNER, "/vehicles");
            for (String path : List.of("/regulator/events", "/regulator/events.csv", "/regulator/verification?run=true",
                    "/regulator/checkpoints", "/regulator/report", "/regulator/report.json", "/regulator/report.csv")) {
                Response answer = page.navigate(session.url(path));
                assertThat(answer.status()).as(path).isEqualTo(403);
                assertThat(page.textContent("#error")).as(path).contains("regulators' read-only accounts");
            }
            session.screenshot("regulator-pages-forbidden-to-owner-en");
        }
    }

    @Test
    void theRegulatorsSessionGets403ProblemOnEveryFormOfThePortal() {
        user(REGULATOR, "regulator");
        List<Operation> forms = WriteEndpoints.all().stream().filter(e -> !e.path().startsWith("/api/")).toList();
        assertThat(forms).extracting(Operation::path).contains("/settings/{vin}/{category}", "/erasure", "/verify");
        long erasures = Rows.count("SELECT count(*) FROM erasure_request");
        long consents = Rows.count("SELECT count(*) FROM consent WHERE vin = ?", car);
        try (Session session = session("en-US")) {
            session.signIn(REGULATOR, "/regulator/events");
            for (Operation form : forms) {
                APIResponse answer = session.context().request().fetch(
                        session.url(form.fill(Map.of("vin", car, "category", "location"))),
                        RequestOptions.create().setMethod(form.method()).setHeader("Content-Type", form.contentType())
                                .setData("confirm=true&granted=true&until=2030-01-01"));
                assertThat(answer.status()).as(form.toString()).isEqualTo(403);
                assertThat(answer.headers().get("content-type")).as(form.toString()).startsWith("application/problem+json");
            }
        }
        assertThat(Rows.count("SELECT count(*) FROM erasure_request")).isEqualTo(erasures);
        assertThat(Rows.count("SELECT count(*) FROM consent WHERE vin = ?", car)).isEqualTo(consents);
    }
}
