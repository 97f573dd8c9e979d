package cn.vdp.storage.retention;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TelemetrySeed;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class RetentionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void purgeRemovesExactlyWhatExpiredAndNothingElse() throws SQLException {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Instant now = Instant.now();
        // Per category: one row long expired (its day partition goes whole), one just expired (deleted from the
        // partition the cutoff falls into), one just inside the retention (kept), one recent (kept).
        Duration[] offsets = { Duration.ofDays(3), Duration.ofHours(2), Duration.ofHours(-2) };
        for (String category : List.of("location", "cabin_media", "battery")) {
            Duration retention = switch (category) {
                case "location" -> Duration.ofDays(30);
                case "cabin_media" -> Duration.ofDays(7);
                default -> Duration.ofDays(365);
            };
            Instant cutoff = now.minus(retention);
            long seq = 0;
            for (Duration beyond : offsets) {
                insert(vin, cutoff.minus(beyond), ++seq, category);
            }
            insert(vin, now.minus(1, ChronoUnit.HOURS), ++seq, category);
        }
        assertEquals(12, Rows.telemetryRows(db, vin));

        as(Tokens.operator()).post("/api/v1/retention/purges").then().statusCode(200)
                .body("categories.find { it.category == 'location' }.retention", equalTo("PT720H"));

        for (String category : List.of("location", "cabin_media", "battery")) {
            assertEquals(2, Rows.count(db, "SELECT count(*) FROM telemetry WHERE vin = ? AND category = ?", vin,
                    category), category + ": the row just inside retention and the recent row remain");
            assertEquals(0, Rows.count(db, "SELECT count(*) FROM telemetry WHERE vin = ? AND category = ? AND seq <= 2",
                    vin, category), category + ": both expired rows are gone");
        }
        long stalePartitions = Rows.count(db, """
                SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'telemetry_location'::regclass
                  AND CASE WHEN c.relname ~ '_[0-9]{8}$' THEN to_date(right(c.relname, 8), 'YYYYMMDD') END < ?""",
                LocalDate.ofInstant(now.minus(Duration.ofDays(31)), ZoneOffset.UTC));
        assertEquals(0, stalePartitions, "day partitions wholly older than the location retention are dropped");
    }

    @Test
    void onlyOperatorsMayPurge() {
        as(Tokens.owner("alice")).post("/api/v1/retention/purges").then().statusCode(403);
        as(Tokens.regulator()).post("/api/v1/retention/purges").then().statusCode(403);
    }

    /** Seeds a row the API would refuse as too old. */
    private void insert(String vin, Instant at, long seq, String category) throws SQLException {
        TelemetrySeed.row(db, vin, at, seq, category, "{}");
    }
}
