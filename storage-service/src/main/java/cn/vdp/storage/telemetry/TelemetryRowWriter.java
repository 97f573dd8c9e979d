package cn.vdp.storage.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;

import cn.vdp.common.signal.Category;

/**
 * Writes a batch's rows (one per record and category) through the JDBC connection. Plain JDBC on the hot path:
 * an entity per row would cost more than the insert itself.
 *
 * <p>A first delivery has no stored keys, so the rows go in with COPY, the fastest path PostgreSQL has. COPY
 * cannot skip a key that exists, so when a record was stored before (a retry, or a concurrent batch holding the
 * same record) the COPY is rolled back to its savepoint and the rows go in with INSERT .. ON CONFLICT DO NOTHING,
 * which reports which records were new.
 */
@ApplicationScoped
class TelemetryRowWriter {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COPY = "COPY telemetry (vin, recorded_at, seq, category, signals) FROM STDIN";
    private static final String INSERT_SKIPPING_EXISTING = """
            INSERT INTO telemetry (vin, recorded_at, seq, category, signals)
            SELECT v, r::timestamptz, s, c, j::jsonb
            FROM unnest(?::varchar[], ?::text[], ?::int8[], ?::varchar[], ?::text[]) AS u(v, r, s, c, j)
            ON CONFLICT DO NOTHING
            RETURNING vin, seq""";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Must run inside the caller's transaction, with records in {@link IncomingRecord#KEY_ORDER}; returns the
     * records of which at least one row was new.
     */
    Set<RecordKey> insert(List<IncomingRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement savepoints = connection.createStatement()) {
            // SQL savepoints: the pool refuses JDBC rollback calls on a connection enlisted in the transaction.
            savepoints.execute("SAVEPOINT before_copy");
            try {
                copy(connection, records);
                // No RELEASE SAVEPOINT: the commit releases it anyway, and each statement is a round trip to
                // PostgreSQL that the batch's answer (and every car in it) waits for.
                Set<RecordKey> all = new HashSet<>(records.size() * 2);
                records.forEach(r -> all.add(new RecordKey(r.vin(), r.seq())));
                return all;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                savepoints.execute("ROLLBACK TO SAVEPOINT before_copy");
                return insertSkippingExisting(connection, records);
            }
        }
    }

    private static void copy(Connection connection, List<IncomingRecord> records) throws SQLException {
        StringBuilder rows = new StringBuilder(records.size() * 400);
        for (IncomingRecord record : records) {
            for (Category category : Category.values()) {
                String signals = record.signals(category);
                if (signals == null) {
                    continue;
                }
                rows.append(record.vin()).append('\t');
                TimestampText.append(rows, record.recordedAt());
                rows.append('\t').append(record.seq()).append('\t').append(category.code()).append('\t');
                appendCopyText(rows, signals);
                rows.append('\n');
            }
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(COPY, new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SQLException("COPY stream failed", e);
        }
    }

    /** COPY's text format treats backslash as escape; compact JSON holds no raw tab or newline. */
    private static void appendCopyText(StringBuilder rows, String json) {
        if (json.indexOf('\\') < 0) {
            rows.append(json);
        } else {
            rows.append(json.replace("\\", "\\\\"));
        }
    }

    private static Set<RecordKey> insertSkippingExisting(Connection connection, List<IncomingRecord> records)
            throws SQLException {
        List<String> vins = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> signals = new ArrayList<>();
        for (IncomingRecord record : records) {
            for (Category category : Category.values()) {
                if (record.signals(category) != null) {
                    vins.add(record.vin());
                    times.add(TimestampText.of(record.recordedAt()));
                    seqs.add(record.seq());
                    categories.add(category.code());
                    signals.add(record.signals(category));
                }
            }
        }
        Set<RecordKey> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SKIPPING_EXISTING)) {
            Array[] arrays = {
                    connection.createArrayOf("varchar", vins.toArray()),
                    connection.createArrayOf("text", times.toArray()),
                    connection.createArrayOf("int8", seqs.toArray()),
                    connection.createArrayOf("varchar", categories.toArray()),
                    connection.createArrayOf("text", signals.toArray()) };
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
