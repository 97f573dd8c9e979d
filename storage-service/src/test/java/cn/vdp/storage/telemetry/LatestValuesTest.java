package cn.vdp.storage.telemetry;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TelemetrySeed;
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
        TelemetrySeed.ownedSince(db, vin, now.minus(Duration.ofDays(40)));
        TelemetrySeed.row(db, vin, now.minus(Duration.ofDays(45)), 1, "vehicle_state",
                "{\"vehicle.odometer\": 999}");
        TelemetrySeed.row(db, vin, now.minus(Duration.ofDays(35)), 2, "diagnostics",
                "{\"diagnostics.dtc\": \"P0A80\"}");
        TelemetrySeed.row(db, vin, now.minus(Duration.ofDays(5)), 3, "vehicle_state",
                "{\"vehicle.speed\": 10}");
        TelemetrySeed.row(db, vin, now.minus(Duration.ofDays(5)), 4, "battery",
                "{\"battery.soc\": 80}");
        TelemetrySeed.row(db, vin, now.minus(Duration.ofDays(3)), 5, "battery",
                "{\"battery.soc\": 70}");
        TelemetrySeed.row(db, vin, now.minus(Duration.ofMinutes(1)), 6, "vehicle_state",
                "{\"vehicle.speed\": 40}");

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
}
