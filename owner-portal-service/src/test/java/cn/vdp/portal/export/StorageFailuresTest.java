package cn.vdp.portal.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.vdp.portal.support.MisbehavingStorage;
import cn.vdp.portal.support.Tokens;

/** The portal in front of a storage-service that is slow, silent or failing. */
@QuarkusTest
@QuarkusTestResource(value = MisbehavingStorage.class, restrictToAnnotatedClass = true)
class StorageFailuresTest {

    @TestHTTPResource("/api/v1/exports/mine")
    URL download;

    /**
     * storage-service needs four seconds to send the export; the browser gets the first piece long before that.
     * A portal that collected the ZIP before answering could not do this.
     */
    @Test
    void passesTheExportOnAsItArrivesWithoutCollectingItFirst() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(download.toURI())
                .header("Authorization", "Bearer " + Tokens.owner("streaming-owner")).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment; filename=\"vdp-export-"));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Duration firstBytes = null;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[8192];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                if (firstBytes == null) {
                    firstBytes = Duration.ofNanos(System.nanoTime() - start);
                }
                received.write(buffer, 0, read);
            }
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        assertThat(received.toByteArray()).isEqualTo(MisbehavingStorage.EXPORT);
        assertThat(total).isGreaterThanOrEqualTo(Duration.ofMillis(MisbehavingStorage.SECONDS * 1000 - 500));
        assertThat(firstBytes).isLessThan(total.dividedBy(2));
    }

    @Test
    void aStorageThatDoesNotAnswerInTimeIsAServiceUnavailableProblem() {
        given().auth().oauth2(Tokens.owner("waiting-owner")).get("/api/v1/vehicles").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("urn:vdp-cn:problem:storage-unavailable"));
    }

    @Test
    void aStorageFailureIsABadGatewayWithoutStoragesDetail() {
        given().get("/api/v1/exports/signing-key").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vdp-cn:problem:storage-failed"))
                .body(not(containsString("secret stack trace")));
    }

    @Test
    void onAPageTheSameTimeoutIsAPageInTheReadersLanguage() {
        given().header("Accept-Language", "zh-CN").multiPart("file", "export.zip", new byte[] { 1, 2, 3 },
                "application/zip").post("/verify").then().statusCode(503)
                .contentType(containsString("text/html")).body(containsString("暂时无法连接数据服务"));
    }

}
