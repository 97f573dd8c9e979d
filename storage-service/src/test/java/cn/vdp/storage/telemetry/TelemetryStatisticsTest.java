package cn.vdp.storage.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TelemetrySeed;

/** ANALYZE of a day partition skips the signals (nobody filters on them), which halves its CPU. */
@StorageTest
class TelemetryStatisticsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void everyDayPartitionAndEveryNewOneHasNoStatisticsOfTheSignals() throws SQLException {
        // A day no other test writes to, created now through the maintenance function as the hourly job does.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(500);
        TelemetrySeed.partitions(db, List.of("vehicle_state"), day, day);

        Map<String, Integer> targets = signalStatisticsTargets();

        String created = "telemetry_vehicle_state_" + day.toString().replace("-", "");
        assertEquals(0, targets.get(created), created + ": " + targets.get(created));
        assertFalse(targets.size() < 2, "the service's own partitions are there too: " + targets.keySet());
        targets.forEach((partition, target) -> assertEquals(0, target, partition));
    }

    /** attstattarget of the signals column of each leaf partition of telemetry (-1 or NULL: the default). */
    private Map<String, Integer> signalStatisticsTargets() throws SQLException {
        Map<String, Integer> targets = new LinkedHashMap<>();
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT t.relid::regclass::text, coalesce(a.attstattarget::int, -1)
                        FROM pg_partition_tree('telemetry') t
                        JOIN pg_attribute a ON a.attrelid = t.relid AND a.attname = 'signals'
                        WHERE t.isleaf ORDER BY 1""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                targets.put(rows.getString(1), rows.getInt(2));
            }
        }
        return targets;
    }
}
