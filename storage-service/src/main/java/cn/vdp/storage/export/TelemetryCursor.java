package cn.vdp.storage.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import cn.vdp.common.vin.Vin;
import cn.vdp.storage.vehicle.TimeWindow;

/**
 * Reads one vehicle's telemetry inside one ownership window, oldest first, with COPY (SELECT ...) TO STDOUT:
 * PostgreSQL streams the rows as fast as they are taken (no fetch round trips, so the database and the export
 * work side by side), and each row arrives as its UTF-8 text. Runs in the export's snapshot transaction.
 *
 * <p>COPY takes no bind parameters: the VIN (checked against the VIN alphabet) and the instants (ISO-8601 of
 * {@link Instant}) are the only values written into the statement, and neither can hold a quote.
 */
final class TelemetryCursor {

    /** Rows of one record (one per category) arrive next to each other. */
    private static final String RECORDS = """
            COPY (SELECT recorded_at, seq, category, signals FROM telemetry
                  WHERE vin = '%s' AND recorded_at >= '%s'::timestamptz AND recorded_at < '%s'::timestamptz
                  ORDER BY recorded_at, seq, category) TO STDOUT""";

    @FunctionalInterface
    interface RowHandler {
        void accept(String vin, CopyRow row) throws IOException;
    }

    private final Connection connection;

    TelemetryCursor(Connection connection) {
        this.connection = connection;
    }

    /** Fields: recorded_at, seq, category, signals (JSON object text). */
    void records(String vin, TimeWindow window, RowHandler handler) throws SQLException, IOException {
        String sql = RECORDS.formatted(checked(vin), window.from(), window.to());
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            CopyRow row = new CopyRow();
            for (byte[] bytes = copy.readFromCopy(); bytes != null; bytes = copy.readFromCopy()) {
                handler.accept(vin, row.read(bytes));
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // the client went away mid-file: stop the server's side too
            }
        }
    }

    private static String checked(String vin) {
        if (!Vin.isValid(vin)) {
            throw new IllegalArgumentException("not a VIN");
        }
        return vin;
    }
}
