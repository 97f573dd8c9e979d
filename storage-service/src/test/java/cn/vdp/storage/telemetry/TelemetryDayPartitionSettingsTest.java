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

/**
 * Every day partition, those of the migrations and each new one alike: ANALYZE skips the signals (nobody filters on
 * them), and inserts alone trigger no vacuum (the clustering job rewrites the day anyway).
 */
@StorageTest
class TelemetryDayPartitionSettingsTest {

    private static final String SETTINGS = "signals statistics 0, insert vacuum -1";

    @Inject
    AgroalDataSource db;

    @Test
    void everyDayPartitionAndEveryNewOneSkipsSignalStatisticsAndInsertVacuum() throws SQLException {
        // A day no other test writes to, created now through the maintenance function as the hourly job does.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(500);
        TelemetrySeed.partitions(db, List.of("vehicle_state"), day, day);

        Map<String, String> settings = leafSettings();

        String created = "telemetry_vehicle_state_" + day.toString().replace("-", "");
        assertEquals(SETTINGS, settings.get(created), created);
        assertFalse(settings.size() < 2, "the service's own partitions are there too: " + settings.keySet());
        settings.forEach((partition, actual) -> assertEquals(SETTINGS, actual, partition));
    }

    /**
     * Per leaf partition of telemetry: the statistics target of its signals column (-1: the default) and its
     * autovacuum_vacuum_insert_threshold (none: the default).
     */
    private Map<String, String> leafSettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT t.relid::regclass::text, coalesce(a.attstattarget::int, -1),
                               coalesce((SELECT split_part(o, '=', 2) FROM unnest(c.reloptions) o
                                         WHERE o LIKE 'autovacuum\\_vacuum\\_insert\\_threshold=%'), 'none')
                        FROM pg_partition_tree('telemetry') t
                        JOIN pg_class c ON c.oid = t.relid
                        JOIN pg_attribute a ON a.attrelid = t.relid AND a.attname = 'signals'
                        WHERE t.isleaf ORDER BY 1""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                settings.put(rows.getString(1), "signals statistics " + rows.getInt(2) + ", insert vacuum "
                        + rows.getString(3));
            }
        }
        return settings;
    }
}
