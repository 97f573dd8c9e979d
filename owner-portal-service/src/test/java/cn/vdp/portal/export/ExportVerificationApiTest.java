package cn.vdp.portal.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Tokens;
import cn.vdp.portal.support.Zips;

/**
 * Through the portal's API: an owner downloads everything of their ownership as a signed ZIP; anyone can verify
 * it; changing a single byte of any exported file makes the verification fail.
 */
@PortalTest
class ExportVerificationApiTest {

    static final String OWNER = "export-owner";
    static final String OTHER = "export-other";
    static final String[] FILES = { "vehicles.json", "consents.json", "telemetry.jsonl", "telemetry.csv", "trips.gpx",
            "manifest.json", "manifest.sig" };
    static String car;
    static String othersCar;

    @BeforeAll
    static void anOwnerWhoDrove() {
        car = Seed.vehicle(OWNER, "Model Y");
        Seed.drive(car, 1, 40, Instant.now(), Duration.ofSeconds(1), true);
        othersCar = Seed.vehicle(OTHER, "Model S");
    }

    static byte[] download(String query) {
        return given().auth().oauth2(Tokens.owner(OWNER)).get("/api/v1/exports/mine" + query).then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
    }

    @Test
    void theDownloadHoldsEveryFileAndTheOwnersRecords() {
        Map<String, byte[]> files = Zips.entries(download("?vin=" + car));
        assertThat(files).containsKeys(FILES);
        String jsonl = new String(files.get("telemetry.jsonl"), StandardCharsets.UTF_8);
        assertThat(jsonl.lines().filter(l -> l.contains(car)).count()).isEqualTo(40);
        assertThat(new String(files.get("trips.gpx"), StandardCharsets.UTF_8)).contains("trkpt");
    }

    @Test
    void anUntouchedDownloadVerifiesAsValid() {
        given().contentType("application/zip").body(download("")).post("/api/v1/exports/verifications").then()
                .statusCode(200).body("verdict", equalTo("VALID")).body("signatureValid", equalTo(true))
                .body("files.findAll { !it.ok }.size()", equalTo(0));
    }

    @Test
    void oneChangedByteInAnyFileMakesTheVerificationFail() {
        byte[] original = download("?vin=" + car);
        for (String file : new String[] { "telemetry.csv", "telemetry.jsonl", "trips.gpx", "vehicles.json" }) {
            given().contentType("application/zip").body(Zips.withOneByteChanged(original, file))
                    .post("/api/v1/exports/verifications").then().statusCode(200)
                    .body("verdict", equalTo("ALTERED"))
                    .body("files.find { it.name == '" + file + "' }.ok", equalTo(false))
                    .body("files.findAll { !it.ok }.size()", equalTo(1));
        }
        // A changed manifest no longer matches its signature.
        given().contentType("application/zip").body(Zips.withOneByteChanged(original, "manifest.json"))
                .post("/api/v1/exports/verifications").then().statusCode(200)
                .body("signatureValid", equalTo(false));
    }

    @Test
    void anotherOwnersCarCannotBeDownloaded() {
        given().auth().oauth2(Tokens.owner(OWNER)).get("/api/v1/exports/mine?vin=" + othersCar).then()
                .statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/exports/mine").then().statusCode(401);
    }

    @Test
    void theSigningKeyIsPublic() {
        given().get("/api/v1/exports/signing-key").then().statusCode(200).body("algorithm", equalTo("Ed25519"))
                .body("publicKeyPem", startsWith("-----BEGIN PUBLIC KEY-----"));
    }
}
