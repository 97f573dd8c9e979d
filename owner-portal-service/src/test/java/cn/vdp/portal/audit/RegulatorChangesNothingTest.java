package cn.vdp.portal.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;

import cn.vdp.common.testing.OpenApiOperations;
import cn.vdp.common.testing.OpenApiOperations.Operation;
import cn.vdp.portal.support.PortalTest;
import cn.vdp.portal.support.Rows;
import cn.vdp.portal.support.Seed;
import cn.vdp.portal.support.Tokens;
import cn.vdp.portal.support.WriteEndpoints;

/**
 * A regulator changes nothing through the portal's JSON API: every write operation of the portal's OpenAPI document
 * answers 403 problem+json to a regulator's bearer token, the public verification included, and nothing is stored.
 * The document and the compiled resources list the same API writes, so none can be left out of the document (the
 * page forms, hidden from it, are refused in the browser test of the regulator pages).
 */
@PortalTest
class RegulatorChangesNothingTest {

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void everyApiWriteAnswers403ProblemToARegulatorAndStoresNothing() throws Exception {
        String vin = Seed.vehicle("reg-api-owner", "Model Y");
        List<Operation> documented = OpenApiOperations.writes(new ObjectMapper().readTree(
                given().accept("application/json").get(openApi).then().statusCode(200).extract().asString()));
        List<String> compiled = WriteEndpoints.all().stream().filter(e -> e.path().startsWith("/api/"))
                .map(Operation::toString).toList();
        assertThat(documented.stream().map(Operation::toString).toList()).containsExactlyInAnyOrderElementsOf(compiled);
        assertThat(documented).hasSizeGreaterThanOrEqualTo(3);

        long erasures = Rows.count("SELECT count(*) FROM erasure_request");
        long consents = Rows.count("SELECT count(*) FROM consent");
        long events = Rows.count("SELECT count(*) FROM audit_event");
        Map<String, String> plausible = Map.of("vin", vin, "category", "location");
        for (Operation operation : documented) {
            given().auth().oauth2(Tokens.access("reg-api-regulator", "regulator"))
                    .contentType(operation.contentType()).body("{}".getBytes(StandardCharsets.UTF_8))
                    .request(operation.method(), operation.fill(plausible))
                    .then().statusCode(403).contentType("application/problem+json");
        }
        assertThat(Rows.count("SELECT count(*) FROM erasure_request")).isEqualTo(erasures);
        assertThat(Rows.count("SELECT count(*) FROM consent")).isEqualTo(consents);
        assertThat(Rows.count("SELECT count(*) FROM audit_event")).as("storage-service was not even asked")
                .isEqualTo(events);
    }

    @Test
    void anOwnersWritesStillGoThrough() {
        String vin = Seed.vehicle("reg-api-owner-2", "Model 3");
        given().auth().oauth2(Tokens.owner("reg-api-owner-2")).contentType("application/json")
                .body(Map.of("granted", false)).put("/api/v1/vehicles/" + vin + "/consents/location")
                .then().statusCode(200);
    }
}
