package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.audit.AuditApi.ChainStatus;
import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.PostgresResource;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.Superuser;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/** Nobody rewrites history: not the application's role, not the schema owner; and no read goes unaudited. */
@StorageTest
class AppendOnlyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ChainVerifier verifier;

    @ConfigProperty(name = PostgresResource.SUPERUSER_URL)
    String superuserUrl;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Test
    void theApplicationsOwnRoleCannotChangeRemoveOrForgeEvents() throws SQLException {
        register(TestVins.next(), "CN", "alice");
        long events = Rows.count(db, "SELECT count(*) FROM audit_event");
        try (Connection app = db.getConnection()) {
            for (String sql : List.of(
                    "UPDATE audit_event SET detail = 'changed' WHERE id = (SELECT max(id) FROM audit_event)",
                    "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)",
                    "TRUNCATE audit_event",
                    "INSERT INTO audit_event SELECT id + 1000, occurred_at, request_id, actor_subject, actor_role, "
                            + "actor_client, action, outcome, vin, categories, range_from, range_to, quantity, detail, "
                            + "prev_hash, hash FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)",
                    "UPDATE audit_chain_head SET last_id = 0",
                    "UPDATE audit_checkpoint SET key_id = 'other'",
                    "DELETE FROM audit_checkpoint",
                    // The stage of reads' events: insert only, and chained only by audit_chain_staged.
                    "UPDATE audit_staged SET event = event",
                    "DELETE FROM audit_staged",
                    "TRUNCATE audit_staged",
                    "SELECT audit_link('[{\"body\": \"x\"}]'::jsonb, ARRAY[1::bigint])")) {
                assertRefused(app, sql);
            }
        }
        assertEquals(events, Rows.count(db, "SELECT count(*) FROM audit_event"));
        assertEquals(ChainStatus.INTACT, verifier.verify().status());
    }

    @Test
    void evenTheSchemaOwnerAndASuperuserAreStoppedByTheTriggers() throws SQLException {
        register(TestVins.next(), "CN", "alice");
        try (Connection schemaOwner = DriverManager.getConnection(url, owner, ownerPassword);
                Connection superuser = DriverManager.getConnection(superuserUrl)) {
            for (Connection connection : List.of(schemaOwner, superuser)) {
                assertRefused(connection,
                        "UPDATE audit_event SET detail = 'x' WHERE id = (SELECT max(id) FROM audit_event)");
                assertRefused(connection, "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)");
                assertRefused(connection, "TRUNCATE audit_event");
                assertRefused(connection, "DELETE FROM audit_chain_head");
            }
        }
        assertEquals(ChainStatus.INTACT, verifier.verify().status());
    }

    @Test
    void aReadWhoseEventCannotBeWrittenFailsAndGivesNothingOut() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Thread.sleep(5);
        cn.vdp.storage.support.Api.send(List.of(cn.vdp.storage.support.Api.record(vin, 1, java.time.Instant.now())))
                .then().statusCode(200);
        long before = AuditRows.lastId(db);
        try (Superuser admin = new Superuser(superuserUrl)) {
            admin.execute("REVOKE EXECUTE ON FUNCTION audit_append(jsonb) FROM " + appRole());
            admin.execute("REVOKE INSERT ON audit_staged FROM " + appRole()); // where reads stage their events
            try {
                for (String read : List.of("/telemetry", "/latest")) {
                    String body = as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + read)
                            .then().statusCode(503).contentType("application/problem+json")
                            .body("type", org.hamcrest.Matchers.equalTo("urn:vdp-cn:problem:audit-unavailable"))
                            .extract().asString();
                    assertTrue(!body.contains("records") && !body.contains("battery.soc"), body);
                }
                // A write whose event cannot be appended is refused the same way, with nothing changed.
                as(Tokens.owner("alice")).body(Map.of("granted", false))
                        .put("/api/v1/vehicles/" + vin + "/consents/location").then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("type", org.hamcrest.Matchers.equalTo("urn:vdp-cn:problem:audit-unavailable"));
            } finally {
                admin.execute("GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO " + appRole());
                admin.execute("GRANT INSERT (event) ON audit_staged TO " + appRole());
            }
        }
        assertEquals(before, AuditRows.lastId(db), "nothing appended");
        io.restassured.RestAssured.given().get(metrics).then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*\\nstorage_audit_append_failures_total [1-9].*"));
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM consent WHERE vin = ?", vin),
                "the consent change rolled back with its event");
        as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin + "/telemetry").then().statusCode(200);
        assertEquals(before + 1, AuditRows.lastId(db), "the read that answered is on record");
    }

    private String appRole() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.username", String.class);
    }
}
