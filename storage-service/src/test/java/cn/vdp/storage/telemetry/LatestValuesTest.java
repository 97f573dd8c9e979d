package cn.vdp.storage.telemetry;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * Latest values are looked for in steps back in time (the last day, a week, a month, then the rest of the owner's
 * period): each signal's newest value wins wherever it lies, and nothing from before the owner's period shows.
 */
@StorageTest
class LatestValuesTest {

    @Inject
    AgroalDataSource db;

    @Test
    void eachSignalsNewestValueWhateverStepItLiesIn() throws SQLException {
        String vin = TestVins.next();
        register(vin, "CN", "erin");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ownedSince(vin, now.minus(Duration.ofDays(40)));
        insert(vin, 1, now.minus(Duration.ofDays(45)), "vehicle_state", "{\"vehicle.odometer\": 999}");
        insert(vin, 2, now.minus(Duration.ofDays(35)), "diagnostics", "{\"diagnostics.dtc\": \"P0A80\"}");
        insert(vin, 3, now.minus(Duration.ofDays(5)), "vehicle_state", "{\"vehicle.speed\": 10}");
        insert(vin, 4, now.minus(Duration.ofDays(5)), "battery", "{\"battery.soc\": 80}");
        insert(vin, 5, now.minus(Duration.ofDays(3)), "battery", "{\"battery.soc\": 70}");
        insert(vin, 6, now.minus(Duration.ofMinutes(1)), "vehicle_state", "{\"vehicle.speed\": 40}");

        as(Tokens.owner("erin")).get("/api/v1/vehicles/" + vin + "/latest").then().statusCode(200)
                .body("signals.size()", equalTo(3))
                .body("signals.find { it.signal == 'vehicle.speed' }.value", equalTo(40))
                .body("signals.find { it.signal == 'battery.soc' }.value", equalTo(70))
                .body("signals.find { it.signal == 'battery.soc' }.recordedAt",
                        equalTo(now.minus(Duration.ofDays(3)).toString()))
                .body("signals.find { it.signal == 'diagnostics.dtc' }.value", equalTo("P0A80"))
                .body("signals.find { it.signal == 'diagnostics.dtc' }.category", equalTo("diagnostics"))
                .body("signals.find { it.signal == 'vehicle.odometer' }", nullValue())
                .body("lastContact", equalTo(now.minus(Duration.ofMinutes(1)).toString()));
    }

    private void ownedSince(String vin, Instant from) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement owned = connection.prepareStatement(
                        "UPDATE ownership SET valid_from = ? WHERE vin = ? AND valid_to IS NULL");
                PreparedStatement partitions = connection.prepareStatement(
                        "SELECT telemetry_ensure_partitions(?, ?, ?)")) {
            owned.setObject(1, from.atOffset(ZoneOffset.UTC));
            owned.setString(2, vin);
            owned.executeUpdate();
            partitions.setArray(1, connection.createArrayOf("text", List.of("vehicle_state", "battery",
                    "diagnostics").toArray()));
            partitions.setObject(2, from.minus(Duration.ofDays(6)).atOffset(ZoneOffset.UTC).toLocalDate());
            partitions.setObject(3, Instant.now().atOffset(ZoneOffset.UTC).toLocalDate());
            partitions.executeQuery().close();
        }
    }

    private void insert(String vin, long seq, Instant at, String category, String signals) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO telemetry (vin, recorded_at, seq, category, signals) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            insert.setString(1, vin);
            insert.setObject(2, at.atOffset(ZoneOffset.UTC));
            insert.setLong(3, seq);
            insert.setString(4, category);
            insert.setString(5, signals);
            insert.executeUpdate();
        }
    }
}
