package cn.vdp.storage.telemetry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Inserts a batch's rows with one statement over arrays. Plain JDBC on the hot path: an entity per row would cost
 * more than the insert itself. Rows whose key exists already are skipped by the database (ON CONFLICT DO
 * NOTHING), which is what makes retries idempotent even between concurrent batches.
 */
@ApplicationScoped
class TelemetryRowWriter {

    static final String INSERT = """
            INSERT INTO telemetry (vin, recorded_at, seq, category, signals)
            SELECT v, r::timestamptz, s, c, j::jsonb
            FROM unnest(?::varchar[], ?::text[], ?::int8[], ?::varchar[], ?::text[]) AS u(v, r, s, c, j)
            ON CONFLICT DO NOTHING
            RETURNING vin, seq""";

    @Inject
    AgroalDataSource dataSource;

    /** Must run inside the caller's transaction; returns the records of which at least one row was new. */
    Set<RecordKey> insert(List<TelemetryRow> rows) throws SQLException {
        int n = rows.size();
        String[] vins = new String[n];
        String[] recordedAt = new String[n];
        Long[] seqs = new Long[n];
        String[] categories = new String[n];
        String[] signals = new String[n];
        for (int i = 0; i < n; i++) {
            TelemetryRow row = rows.get(i);
            vins[i] = row.vin();
            recordedAt[i] = row.recordedAt().toString();
            seqs[i] = row.seq();
            categories[i] = row.category().code();
            signals[i] = row.signalsJson();
        }
        Set<RecordKey> inserted = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Array[] arrays = {
                    connection.createArrayOf("varchar", vins),
                    connection.createArrayOf("text", recordedAt),
                    connection.createArrayOf("int8", seqs),
                    connection.createArrayOf("varchar", categories),
                    connection.createArrayOf("text", signals) };
            for (int i = 0; i < arrays.length; i++) {
                insert.setArray(i + 1, arrays[i]);
            }
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(new RecordKey(result.getString(1), result.getLong(2)));
                }
            }
        }
        return inserted;
    }
}
