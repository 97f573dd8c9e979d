package cn.vdp.storage.telemetry;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;

import cn.vdp.storage.support.PostgresResource;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TelemetrySeed;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class TelemetryClusteringTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TelemetryClustering clustering;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void rewritesAClosedDayInCarOrderKeepingEveryRowAndEveryPage() throws SQLException {
        // Days of their own, far back (seeded directly: the API refuses such old records), so that no other
        // test's run has clustered them already.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(60);
        Instant start = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String a = TestVins.next();
        String b = TestVins.next();
        register(a, "CN", "erin");
        register(b, "CN", "gina");
        // erin owned car a until 12:00 that day and again from 16:00; frank in between: two windows for erin.
        ownership(a, "erin", start.minus(1, ChronoUnit.DAYS), at(day, 12), at(day, 16), "frank");
        ownership(b, "gina", start.minus(1, ChronoUnit.DAYS), null, null, null);
        // Both cars send at the same time, so their rows interleave on disk: 300 records each, 90 s apart.
        List<Object[]> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(new Object[] { a, i + 1, start.plusSeconds(90L * i) });
            records.add(new Object[] { b, i + 1, start.plusSeconds(90L * i) });
        }
        seed(day, records);
        String vehicleState = "telemetry_vehicle_state_" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
        String battery = "telemetry_battery_" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
        assertFalse(inCarOrder(vehicleState), "rows lie in arrival order before");
        List<Object> erinBefore = history("erin", a, day);
        List<Object> ginaBefore = history("gina", b, day);
        assertEquals(140, erinBefore.size(), "80 records before 12:00 and 60 from 16:00");

        List<String> done = clustering.run();

        assertTrue(done.containsAll(List.of(vehicleState, battery)), "both closed partitions of the day: " + done);
        assertFalse(done.stream().anyMatch(p -> p.endsWith(LocalDate.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.BASIC_ISO_DATE))), "today's partitions are still written to");
        assertTrue(inCarOrder(vehicleState) && inCarOrder(battery), "rows lie car by car, in time order");
        assertEquals(1200, Rows.count(db, "SELECT count(*) FROM telemetry WHERE vin IN (?, ?)", a, b));
        assertEquals(erinBefore, history("erin", a, day), "the same pages, newest first, across both windows");
        assertEquals(ginaBefore, history("gina", b, day));
        assertFalse(clustering.run().contains(vehicleState), "a partition is rewritten once");

        // A late record goes into the clustered partition and is found like any other.
        seed(day, List.<Object[]>of(new Object[] { a, 301, at(day, 23) }));
        assertEquals(301, ((Map<?, ?>) history("erin", a, day).get(0)).get("seq"));
    }

    @Test
    void aDayInUseWaitsForTheNextRunAndTodaysWritesAndQueriesNeverWait() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(61);
        String vin = TestVins.next();
        register(vin, "CN", "hana");
        ownership(vin, "hana", at(day, 0), null, null, null);
        seed(day, List.of(new Object[] { vin, 1, at(day, 9) }, new Object[] { vin, 2, at(day, 10) }));
        String partition = "telemetry_vehicle_state_" + day.format(DateTimeFormatter.BASIC_ISO_DATE);

        try (Connection reader = superuser()) {
            // A long read of that day (an export, say) holds its lock: the rewrite gives up after the lock timeout.
            reader.setAutoCommit(false);
            try (Statement sql = reader.createStatement()) {
                sql.executeQuery("SELECT count(*) FROM " + partition).close();
            }
            assertFalse(clustering.run().contains(partition));
            reader.rollback();
        }
        try (Connection rewrite = superuser()) {
            // While a closed day is being rewritten (its lock held), today's writes and today's history go on.
            rewrite.setAutoCommit(false);
            try (Statement sql = rewrite.createStatement()) {
                sql.execute("LOCK TABLE " + partition + " IN ACCESS EXCLUSIVE MODE");
            }
            Instant now = Instant.now();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                send(List.of(record(vin, 3, now))).then().statusCode(200).body("stored", equalTo(1));
                as(Tokens.owner("hana")).get("/api/v1/vehicles/" + vin + "/telemetry?from="
                        + now.minus(1, ChronoUnit.HOURS)).then().statusCode(200).body("records.seq", equalTo(List.of(3)));
            });
            rewrite.rollback();
        }
        assertTrue(clustering.run().contains(partition), "clustered once the reader is gone");
    }

    @Test
    void historyAnswersCarryTheQueryTimeAndItsPartsAndFeedTheQueryTimer() {
        String vin = TestVins.next();
        register(vin, "CN", "iris");
        send(List.of(record(vin, 1, Instant.now()))).then().statusCode(200);
        String timing = as(Tokens.owner("iris")).get("/api/v1/vehicles/" + vin + "/telemetry").then().statusCode(200)
                .header("Server-Timing", matchesPattern("query;dur=\\d+\\.\\d{3}(, \\w+;dur=\\d+\\.\\d{3})*"))
                .extract().header("Server-Timing");
        Map<String, Double> parts = serverTiming(timing);
        assertEquals(List.of("query", "access", "rows", "audit"), List.copyOf(parts.keySet()), timing);
        // The parts are consecutive pieces of the query's time (each rounded to a microsecond).
        assertTrue(parts.get("access") + parts.get("rows") + parts.get("audit") <= parts.get("query") + 0.003, timing);
        assertTrue(parts.get("rows") > 0, timing);
        given().get(metrics).then().statusCode(200)
                .body(containsString("storage_telemetry_query_seconds{quantile=\"0.99\""))
                .body(containsString("storage_telemetry_query_seconds_bucket{le=\"0.005\""));
    }

    @Test
    void aBatchWriteTimesEachOfItsPartsOnce() {
        String vin = TestVins.next();
        register(vin, "CN", "jade");
        List<String> parts = List.of("read", "check", "rows", "commit");
        Map<String, Double> before = writePartCounts(parts);
        send(List.of(record(vin, 1, Instant.now()), record(vin, 2, Instant.now()))).then().statusCode(200);
        Map<String, Double> after = writePartCounts(parts);
        for (String part : parts) {
            assertEquals(before.getOrDefault(part, 0.0) + 1, after.get(part), part);
        }
        // A batch refused whole (malformed) is not a write: no part of it is timed.
        send(List.of(record(vin, 3, Instant.now(), Map.of("vehicle.warp_factor", 9)))).then().statusCode(422);
        assertEquals(after, writePartCounts(parts));
    }

    /** "query;dur=1.234, access;dur=0.5": milliseconds by name, in order. */
    private static Map<String, Double> serverTiming(String header) {
        Map<String, Double> parts = new LinkedHashMap<>();
        for (String entry : header.split(", ")) {
            String[] fields = entry.split(";dur=");
            parts.put(fields[0], Double.parseDouble(fields[1]));
        }
        return parts;
    }

    private Map<String, Double> writePartCounts(List<String> parts) {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            for (String part : parts) {
                if (line.startsWith("storage_batch_write_part_seconds_count{part=\"" + part + "\"")) {
                    counts.put(part, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
        }
        return counts;
    }

    /** Every record of that day (and the next, for late ones) the owner sees, following nextCursor, 30 a page. */
    private static List<Object> history(String owner, String vin, LocalDate day) {
        List<Object> records = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as(Tokens.owner(owner)).get("/api/v1/vehicles/" + vin + "/telemetry?limit=30&from="
                    + at(day, 0) + "&to=" + at(day.plusDays(1), 0) + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            records.addAll(page.getList("records"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return records;
    }

    /** Stores each (vin, seq, recorded at) as a vehicle-state and a battery row, in the order given. */
    private void seed(LocalDate day, List<Object[]> records) throws SQLException {
        TelemetrySeed.partitions(db, List.of("vehicle_state", "battery"), day, day);
        try (Connection connection = db.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO telemetry "
                    + "(vin, recorded_at, seq, category, signals) VALUES (?, ?, ?, ?, ?::jsonb)")) {
                for (Object[] record : records) {
                    int seq = (Integer) record[1];
                    for (String row : List.of("vehicle_state:{\"vehicle.speed\": " + seq % 130 + "}",
                            "battery:{\"battery.soc\": " + (100 - seq % 90) + "}")) {
                        insert.setString(1, (String) record[0]);
                        insert.setObject(2, ((Instant) record[2]).atOffset(ZoneOffset.UTC));
                        insert.setLong(3, seq);
                        insert.setString(4, row.substring(0, row.indexOf(':')));
                        insert.setString(5, row.substring(row.indexOf(':') + 1));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    /** Whether the partition's rows lie on disk in (vin, recorded_at) order. */
    private static boolean inCarOrder(String partition) throws SQLException {
        try (Connection connection = superuser(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT vin, recorded_at FROM " + partition + " ORDER BY ctid")) {
            String previous = "";
            while (rows.next()) {
                String key = rows.getString(1) + rows.getObject(2, java.time.OffsetDateTime.class).toInstant();
                if (key.compareTo(previous) < 0) {
                    return false;
                }
                previous = key;
            }
            return true;
        }
    }

    /**
     * Replaces the vehicle's ownership: {@code owner} from {@code since}; when {@code handedOver} is given, until
     * then, {@code other} until {@code back}, and {@code owner} again from {@code back}.
     */
    private void ownership(String vin, String owner, Instant since, Instant handedOver, Instant back, String other)
            throws SQLException {
        TelemetrySeed.ownedSince(db, vin, back == null ? since : back);
        try (Connection connection = db.getConnection()) {
            if (handedOver != null) {
                try (PreparedStatement past = connection.prepareStatement(
                        "INSERT INTO ownership (vin, owner_subject, valid_from, valid_to) VALUES (?, ?, ?, ?)")) {
                    for (String[] period : new String[][] { { owner, since.toString(), handedOver.toString() },
                            { other, handedOver.toString(), back.toString() } }) {
                        past.setString(1, vin);
                        past.setString(2, period[0]);
                        past.setObject(3, Instant.parse(period[1]).atOffset(ZoneOffset.UTC));
                        past.setObject(4, Instant.parse(period[2]).atOffset(ZoneOffset.UTC));
                        past.executeUpdate();
                    }
                }
            }
        }
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue(PostgresResource.SUPERUSER_URL, String.class));
    }
}
