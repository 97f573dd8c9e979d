package cn.vdp.e2e;

import static cn.vdp.e2e.support.Expect.anyValidToken;
import static cn.vdp.e2e.support.Expect.everyone;
import static cn.vdp.e2e.support.Expect.only;
import static cn.vdp.e2e.support.Expect.ownerOfTheVehicle;
import static cn.vdp.e2e.support.Identity.INGEST;
import static cn.vdp.e2e.support.Identity.OPERATOR;
import static cn.vdp.e2e.support.Identity.OWNER_A;
import static cn.vdp.e2e.support.Identity.OWNER_B;
import static cn.vdp.e2e.support.Identity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.vdp.e2e.support.Calls;
import cn.vdp.e2e.support.Endpoint;
import cn.vdp.e2e.support.Expect;
import cn.vdp.e2e.support.Identity;
import cn.vdp.e2e.support.Platform;

/**
 * Every endpoint the three services document in OpenAPI, called by every kind of caller, answers what the table
 * says. A documented endpoint without a row fails the test (a new endpoint cannot be forgotten), and so does a row
 * whose endpoint is no longer documented. Calls about a vehicle use owner A's car; ingest-service is reached over
 * mutual TLS with that car's certificate, where a bearer token changes nothing: the certificate is the identity.
 */
class AuthorizationMatrixIT {

    static final String STORAGE = "storage-service";
    static final String INGEST_SERVICE = "ingest-service";
    static final String PORTAL = "owner-portal-service";

    /** THE table: service, method, documented path -> expected status per identity (see {@link Expect}). */
    static final Map<String, Expect> TABLE = table(
            // storage-service: cluster-internal; the realm's bearer tokens.
            STORAGE, "POST", "/api/v1/vehicles", only(OPERATOR, 201),
            STORAGE, "GET", "/api/v1/vehicles", only(OWNER_A, 200, OWNER_B, 200), // B: their own, none
            STORAGE, "GET", "/api/v1/vehicles/{vin}", only(OWNER_A, 200, OWNER_B, 404, OPERATOR, 200),
            STORAGE, "POST", "/api/v1/vehicles/{vin}/transfers", only(OPERATOR, 409), // to its owner: no change
            STORAGE, "GET", "/api/v1/vehicles/{vin}/telemetry", ownerOfTheVehicle(200),
            STORAGE, "GET", "/api/v1/vehicles/{vin}/latest", ownerOfTheVehicle(200),
            STORAGE, "GET", "/api/v1/vehicles/{vin}/consents", ownerOfTheVehicle(200),
            STORAGE, "PUT", "/api/v1/vehicles/{vin}/consents/{category}", ownerOfTheVehicle(200),
            STORAGE, "POST", "/api/v1/consents/live", only(INGEST, 200),
            STORAGE, "POST", "/api/v1/telemetry/batches", only(INGEST, 200),
            STORAGE, "POST", "/api/v1/retention/purges", only(OPERATOR, 200),
            STORAGE, "GET", "/api/v1/exports/mine", only(OWNER_A, 200, OWNER_B, 200), // each their own data
            STORAGE, "GET", "/api/v1/exports/signing-key", anyValidToken(200),
            // The body is not a zip: 422. A regulator's account is read-only before any endpoint runs: every POST,
            // this read-only check included, is 403 for them (RegulatorsChangeNothing, in both services).
            STORAGE, "POST", "/api/v1/exports/verifications", anyValidToken(422).but(REGULATOR, 403),
            STORAGE, "POST", "/api/v1/erasure-requests", ownerOfTheVehicle(202),
            STORAGE, "GET", "/api/v1/erasure-requests", only(OWNER_A, 200, OWNER_B, 200),
            STORAGE, "GET", "/api/v1/erasure-requests/{id}", ownerOfTheVehicle(200),
            // The audit trail and the compliance report: regulators only, read-only.
            STORAGE, "GET", "/api/v1/audit/events", only(REGULATOR, 200),
            STORAGE, "GET", "/api/v1/audit/events.csv", only(REGULATOR, 200),
            STORAGE, "GET", "/api/v1/audit/verification", only(REGULATOR, 200),
            STORAGE, "GET", "/api/v1/audit/checkpoints", only(REGULATOR, 200),
            STORAGE, "GET", "/api/v1/compliance/report", only(REGULATOR, 200),
            STORAGE, "GET", "/api/v1/compliance/report.csv", only(REGULATOR, 200),
            // ingest-service: the car's certificate decides; whatever bearer token comes along is ignored.
            INGEST_SERVICE, "POST", "/api/v1/telemetry/batches", everyone(200),
            // owner-portal-service JSON API: the caller's own token, passed on to storage-service.
            PORTAL, "GET", "/api/v1/vehicles", only(OWNER_A, 200, OWNER_B, 200),
            PORTAL, "GET", "/api/v1/vehicles/{vin}", ownerOfTheVehicle(200),
            PORTAL, "GET", "/api/v1/vehicles/{vin}/latest", ownerOfTheVehicle(200),
            PORTAL, "GET", "/api/v1/vehicles/{vin}/telemetry", ownerOfTheVehicle(200),
            PORTAL, "GET", "/api/v1/vehicles/{vin}/consents", ownerOfTheVehicle(200),
            PORTAL, "PUT", "/api/v1/vehicles/{vin}/consents/{category}", ownerOfTheVehicle(200),
            PORTAL, "GET", "/api/v1/exports/mine", only(OWNER_A, 200, OWNER_B, 200),
            PORTAL, "POST", "/api/v1/erasure-requests", ownerOfTheVehicle(202),
            PORTAL, "GET", "/api/v1/erasure-requests", only(OWNER_A, 200, OWNER_B, 200),
            PORTAL, "GET", "/api/v1/erasure-requests/{id}", ownerOfTheVehicle(200),
            // Public: the privacy notice, the platform's key and verifying a download, for anyone.
            PORTAL, "GET", "/api/v1/privacy-notice", everyone(200),
            PORTAL, "GET", "/api/v1/exports/signing-key", everyone(200),
            // Verifying is open to anyone without a token; a POST's token is checked (for the regulator rule), so a
            // bad one is refused rather than ignored.
            PORTAL, "POST", "/api/v1/exports/verifications",
            everyone(422).but(REGULATOR, 403).butBadTokensRefused());

    static Platform platform;
    static Calls calls;

    @BeforeAll
    static void platform() throws Exception {
        platform = Platform.get();
        calls = Calls.prepare(platform, platform.vins.get(2));
    }

    @Test
    void everyDocumentedEndpointAnswersEachCallerAsTheTableSays() throws Exception {
        List<Endpoint> documented = new ArrayList<>();
        for (String service : List.of(STORAGE, INGEST_SERVICE, PORTAL)) {
            documented.addAll(Endpoint.documented(platform, service));
        }
        TreeSet<String> withoutRow = new TreeSet<>();
        TreeSet<String> notDocumented = new TreeSet<>(TABLE.keySet());
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : documented) {
            Expect expect = TABLE.get(endpoint.toString());
            notDocumented.remove(endpoint.toString());
            if (expect == null) {
                withoutRow.add(endpoint.toString());
                continue;
            }
            for (Identity who : Identity.values()) {
                int status = calls.call(endpoint, who);
                if (status != expect.of(who)) {
                    wrong.add(endpoint + " as " + who + ": expected " + expect.of(who) + ", got " + status);
                }
            }
        }
        assertThat(withoutRow).as("documented endpoints without a row in the table").isEmpty();
        assertThat(notDocumented).as("rows of endpoints no service documents").isEmpty();
        assertThat(wrong).as("answers that differ from the table").isEmpty();
        assertThat(documented).as("the services document their endpoints").hasSizeGreaterThan(20);
        System.out.printf("authorization matrix: %d endpoints x %d identities checked%n", documented.size(),
                Identity.values().length);
    }

    @Test
    void ingestServiceRefusesEveryConnectionWithoutAFleetCertificateWhateverTheToken() throws Exception {
        for (Endpoint endpoint : Endpoint.documented(platform, INGEST_SERVICE)) {
            for (Identity who : List.of(Identity.ANONYMOUS, Identity.INGEST, Identity.OPERATOR)) {
                assertThatThrownBy(() -> calls.callWithoutCertificate(endpoint, who))
                        .as(endpoint + " as " + who).isInstanceOf(IOException.class);
            }
        }
    }

    private static Map<String, Expect> table(Object... cells) {
        Map<String, Expect> rows = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 4) {
            String key = new Endpoint((String) cells[i], (String) cells[i + 1], (String) cells[i + 2]).toString();
            if (rows.put(key, (Expect) cells[i + 3]) != null) {
                throw new IllegalStateException("two rows for " + key);
            }
        }
        return rows;
    }
}
