package cn.vdp.storage.compliance;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static cn.vdp.storage.support.Api.transfer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;

import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TelemetrySeed;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * The report's figures are what the database holds: each one is recomputed here with SQL of its own (written
 * differently on purpose), on a seeded data set and on whatever the other tests left in the shared database.
 */
@StorageTest
class ComplianceReportTest {

    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();
    private static final String IN_YEAR = "extract(year from %s AT TIME ZONE 'UTC') = ?";

    @Inject
    AgroalDataSource db;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "storage.residency.allowed-regions")
    String allowedRegions;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "storage.residency.region")
    String region;

    private void seed() throws SQLException, InterruptedException {
        String owner = "owner-" + UUID.randomUUID();
        String a = TestVins.next();
        String b = TestVins.next();
        String foreign = TestVins.next();
        register(a, "CN", owner);
        register(b, "CN", owner);
        register(foreign, "US", "someone-abroad");
        transfer(b, "buyer-" + UUID.randomUUID());
        Instant expiry = Instant.now().plus(10, ChronoUnit.DAYS);
        as(Tokens.owner(owner)).body(Map.of("granted", true, "expiresAt", expiry.toString()))
                .put("/api/v1/vehicles/" + a + "/consents/location").then().statusCode(200);
        as(Tokens.owner(owner)).body(Map.of("granted", true, "expiresAt", expiry.toString()))
                .put("/api/v1/vehicles/" + a + "/consents/driving").then().statusCode(200);
        as(Tokens.owner(owner)).body(Map.of("granted", false)).put("/api/v1/vehicles/" + a + "/consents/driving")
                .then().statusCode(200);
        Thread.sleep(5);
        Instant now = Instant.now();
        send(List.of(record(a, 1, now), record(a, 2, now.plusMillis(10), Map.of("location.latitude", 31.2,
                "location.longitude", 121.4)), record(foreign, 1, now), record(foreign, 2, now)))
                .then().statusCode(200).body("refused", equalTo(2));
        as(Tokens.owner(owner)).get("/api/v1/vehicles/" + a + "/telemetry").then().statusCode(200);
        as(Tokens.operator()).post("/api/v1/retention/purges").then().statusCode(200);
        seedErasureRequests(owner);
        // A record of last year's last day, held still: counted for that year, not this one.
        LocalDate lastDay = LocalDate.of(YEAR - 1, 12, 31);
        TelemetrySeed.partitions(db, List.of("battery"), lastDay, lastDay);
        try (Connection connection = db.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO telemetry VALUES (?, ?, 99, "
                    + "'battery', '{\"battery.soc\": 50}') ON CONFLICT DO NOTHING")) {
                insert.setString(1, a);
                insert.setObject(2, lastDay.atTime(12, 0).atOffset(ZoneOffset.UTC));
                insert.execute();
            }
        }
    }

    /**
     * Requests in every state, this year and last: completed in time and late, waiting, running, failed, and one not
     * done and past its due day (inserted as the job leaves them; due days far off so the job leaves them alone).
     */
    private void seedErasureRequests(String owner) throws SQLException {
        Instant now = Instant.now();
        Object[][] requests = {
                // status, requested, completed, due (days from today)
                { "COMPLETED", now.minus(3, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS), 10 },
                { "COMPLETED", now.minus(30, ChronoUnit.MINUTES), now.minus(20, ChronoUnit.MINUTES), 10 },
                { "COMPLETED", now.minus(5, ChronoUnit.HOURS), now.minus(4, ChronoUnit.HOURS), -1 },
                { "PENDING", now.minus(1, ChronoUnit.MINUTES), null, 10 },
                { "RUNNING", now.minus(2, ChronoUnit.MINUTES), null, -2 },
                { "FAILED", now.minus(3, ChronoUnit.MINUTES), null, 10 },
                { "COMPLETED", LocalDate.of(YEAR - 1, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        LocalDate.of(YEAR - 1, 6, 2).atStartOfDay(ZoneOffset.UTC).toInstant(), -100 } };
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO erasure_request (id, subject, vins, status, requested_at, due_by, next_attempt_at, attempts,
                                             completed_at, rows_deleted)
                VALUES (?, ?, '{}', ?, ?, current_date + ?, now() + interval '1 day', 1, ?, ?)""")) {
            for (Object[] request : requests) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, owner);
                insert.setString(3, (String) request[0]);
                insert.setObject(4, ((Instant) request[1]).atOffset(ZoneOffset.UTC));
                insert.setInt(5, (Integer) request[3]);
                insert.setObject(6, request[2] == null ? null : ((Instant) request[2]).atOffset(ZoneOffset.UTC));
                insert.setObject(7, request[2] == null ? null : 0L);
                insert.executeUpdate();
            }
        }
    }

    private long sql(String query, Object... parameters) {
        return Rows.count(db, query, parameters);
    }

    @Test
    void reportFiguresEqualWhatTheDatabaseHolds() throws Exception {
        seed();
        for (int year : List.of(YEAR, YEAR - 1)) {
            String requestId = "c-" + UUID.randomUUID();
            JsonPath report = as(Tokens.regulator()).header("X-Request-Id", requestId)
                    .get("/api/v1/compliance/report?year=" + year).then().statusCode(200).extract().jsonPath();
            assertFigures(report, year, requestId);
        }
    }

    private void assertFigures(JsonPath r, int year, String requestId) {
        assertEquals(year, r.getInt("year"));
        assertEquals(year + "-12-15", r.getString("due"));
        assertEquals(List.of(allowedRegions.split(",")), r.getList("storage.allowedRegions"));
        assertEquals(region, r.getString("storage.region"));
        assertEquals("configuration", r.getString("storage.source"));
        assertTrue(r.getBoolean("storage.inAllowedRegion"));
        assertEquals(sql("SELECT count(*) FROM vehicle"), r.getLong("vehicles.registered"));
        assertEquals(sql("SELECT count(*) FROM vehicle WHERE market = 'US'"),
                r.getLong("vehicles.byMarket.find { it.market == 'US' }.vehicles"));
        assertEquals(sql("SELECT count(*) FROM vehicle WHERE " + IN_YEAR.formatted("registered_at"), year),
                r.getLong("vehicles.registeredInYear"));
        assertEquals(sql("SELECT count(*) FROM (SELECT DISTINCT vin FROM telemetry WHERE "
                + IN_YEAR.formatted("recorded_at") + ") v", year), r.getLong("vehicles.withDataInYear"));
        String yearRange = "tstzrange(make_timestamptz(?, 1, 1, 0, 0, 0, 'UTC'), make_timestamptz(?, 1, 1, 0, 0, 0, 'UTC'))";
        assertEquals(sql("SELECT count(DISTINCT owner_subject) FROM ownership WHERE tstzrange(valid_from, valid_to) && "
                + yearRange, year, year + 1), r.getLong("owners.inYear"));
        assertEquals(sql("SELECT count(*) FROM (SELECT owner_subject FROM ownership WHERE valid_to IS NULL "
                + "GROUP BY owner_subject) o"), r.getLong("owners.current"));
        assertEquals(auditCount(year, "vehicle.transfer", requestId), r.getLong("owners.transfersInYear"));

        for (Map<String, Object> c : r.<Map<String, Object>>getList("categories")) {
            String category = (String) c.get("category");
            assertEquals(sql("SELECT count(*) FROM telemetry WHERE category = ? AND " + IN_YEAR.formatted("recorded_at"),
                    category, year), ((Number) c.get("rowsFromYear")).longValue(), category);
            assertEquals(sql("SELECT count(*) FROM telemetry WHERE category = ?", category),
                    ((Number) c.get("rowsHeld")).longValue(), category);
            assertEquals(sql("SELECT coalesce(sum(quantity), 0) FROM audit_event WHERE action = 'retention.purge' "
                    + "AND ? = ANY(categories) AND " + IN_YEAR.formatted("occurred_at"), category, year),
                    ((Number) c.get("rowsPurgedInYear")).longValue(), category);
            Timestamp oldest = oldest(category);
            assertEquals(oldest == null ? null : oldest.toInstant().toString(), c.get("oldestHeld"), category);
        }
        assertTrue(r.getLong("categories.find { it.category == 'battery' }.bytesHeld") > 0);

        Instant generatedAt = Instant.parse(r.getString("generatedAt"));
        for (Map<String, Object> c : r.<Map<String, Object>>getList("consent")) {
            String category = (String) c.get("category");
            assertEquals(sql("SELECT count(*) FROM consent WHERE category = ? AND granted AND expires_at > ?", category,
                    generatedAt.atOffset(ZoneOffset.UTC)), ((Number) c.get("liveNow")).longValue(), category);
            assertEquals(sql("SELECT count(*) FROM audit_event WHERE action = 'consent.change' AND outcome = 'success' "
                    + "AND detail = 'granted' AND categories = ARRAY[?::text] AND " + IN_YEAR.formatted("occurred_at"),
                    category, year), ((Number) c.get("grantedInYear")).longValue(), category);
            assertEquals(sql("SELECT count(*) FROM audit_event WHERE action = 'consent.change' AND outcome = 'success' "
                    + "AND detail = 'withdrawn' AND categories = ARRAY[?::text] AND " + IN_YEAR.formatted("occurred_at"),
                    category, year), ((Number) c.get("withdrawnInYear")).longValue(), category);
        }

        assertErasure(r, year, generatedAt);

        long refusedAbroad = sql("SELECT coalesce(sum(quantity), 0) FROM audit_event WHERE action = 'telemetry.refused' "
                + "AND detail LIKE 'reason=not-china-market;%' AND " + IN_YEAR.formatted("occurred_at"), year);
        assertEquals(refusedAbroad, r.getList("refusedRecords.findAll { it.reason == 'not-china-market' }.records")
                .stream().mapToLong(n -> ((Number) n).longValue()).sum());

        for (Map<String, Object> a : r.<Map<String, Object>>getList("access")) {
            String what = a.get("role") + " " + a.get("action") + " " + a.get("outcome");
            assertEquals(sql("SELECT count(*) FROM audit_event WHERE actor_role = ? AND action = ? AND outcome = ? AND "
                    + IN_YEAR.formatted("occurred_at") + " AND request_id IS DISTINCT FROM ?", a.get("role"),
                    a.get("action"), a.get("outcome"), year, requestId), ((Number) a.get("events")).longValue(), what);
        }
        assertEquals(sql("SELECT count(*) FROM audit_event WHERE " + IN_YEAR.formatted("occurred_at")
                + " AND request_id IS DISTINCT FROM ?", year, requestId),
                r.getList("access.events").stream().mapToLong(n -> ((Number) n).longValue()).sum(),
                "every event of the year is in exactly one access row");
        assertEquals("INTACT", r.getString("chain.status"));
        assertEquals(1, AuditRows.ofRequest(db, requestId).size(), "the regulator's request is audited");
    }

    private void assertErasure(JsonPath r, int year, Instant generatedAt) {
        String inYear = " AND " + IN_YEAR.formatted("requested_at");
        assertEquals(sql("SELECT count(*) FROM erasure_request WHERE true" + inYear, year), r.getLong("erasure.requested"));
        assertEquals(sql("SELECT count(*) FROM erasure_request WHERE completed_at IS NOT NULL" + inYear, year),
                r.getLong("erasure.completed"));
        assertEquals(sql("SELECT count(*) FROM erasure_request WHERE status <> 'COMPLETED' AND status <> 'FAILED'"
                + inYear, year), r.getLong("erasure.pending"));
        assertEquals(sql("SELECT count(*) FROM erasure_request WHERE status = 'FAILED'" + inYear, year),
                r.getLong("erasure.failed"));
        assertEquals(sql("SELECT count(*) FROM erasure_request WHERE CASE WHEN completed_at IS NULL "
                + "THEN date(? AT TIME ZONE 'Asia/Shanghai') ELSE date(completed_at AT TIME ZONE 'Asia/Shanghai') END "
                + "> due_by" + inYear, generatedAt.atOffset(ZoneOffset.UTC), year), r.getLong("erasure.overdue"));
        List<Double> hours = new java.util.ArrayList<>();
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT requested_at, completed_at FROM erasure_request WHERE completed_at IS NOT NULL" + inYear)) {
            query.setInt(1, year);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    hours.add(java.time.Duration.between(rows.getTimestamp(1).toInstant(),
                            rows.getTimestamp(2).toInstant()).toNanos() / 3.6e12);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        java.util.Collections.sort(hours);
        if (hours.isEmpty()) {
            assertNull(r.get("erasure.medianCompletionHours"));
            return;
        }
        int n = hours.size();
        double median = n % 2 == 1 ? hours.get(n / 2) : (hours.get(n / 2 - 1) + hours.get(n / 2)) / 2;
        assertEquals(median, r.getDouble("erasure.medianCompletionHours"), 1e-6);
        assertEquals(hours.get(n - 1), r.getDouble("erasure.maxCompletionHours"), 1e-6);
    }

    private long auditCount(int year, String action, String requestId) {
        return sql("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = 'success' AND "
                + IN_YEAR.formatted("occurred_at") + " AND request_id IS DISTINCT FROM ?", action, year, requestId);
    }

    private Timestamp oldest(String category) {
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT recorded_at FROM telemetry WHERE category = ? ORDER BY recorded_at LIMIT 1")) {
            query.setString(1, category);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getTimestamp(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReportIsAlsoACsvOfOneFigurePerRow() {
        long vehicles = sql("SELECT count(*) FROM vehicle");
        String csv = as(Tokens.regulator()).get("/api/v1/compliance/report.csv?year=" + YEAR).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"compliance-report-" + YEAR + ".csv\"")
                .extract().asString();
        assertTrue(csv.startsWith("section,item,figure,value\r\n"), csv);
        assertTrue(csv.contains("\r\nvehicles,,registered," + vehicles + "\r\n"), csv);
        assertTrue(csv.contains("\r\nchain,,status,INTACT\r\n"), csv);
        long erasures = sql("SELECT count(*) FROM erasure_request WHERE " + IN_YEAR.formatted("requested_at"), YEAR);
        assertTrue(csv.contains("\r\nerasure,,requested," + erasures + "\r\n"), csv);
    }

    @Test
    void implausibleYearsAreRefused() {
        for (String year : List.of("1999", String.valueOf(YEAR + 1), "twenty")) {
            as(Tokens.regulator()).get("/api/v1/compliance/report?year=" + year).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
