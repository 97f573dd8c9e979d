package cn.vdp.storage.erasure;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.erasure.ErasureApi.Erased;
import cn.vdp.storage.erasure.ErasureApi.ErasedPeriod;
import cn.vdp.storage.vehicle.Ownership;

/**
 * Executes one erasure request inside the caller's transaction, all or nothing: a crash rolls everything back and
 * the request runs again, so a re-run is always safe. Plain JDBC for the row locks (SKIP LOCKED) and the bulk
 * deletes; an entity per row would load what is about to be deleted.
 */
@ApplicationScoped
class Eraser {

    private static final String CLAIM = """
            UPDATE erasure_request SET status = 'RUNNING', attempts = attempts + 1,
                   started_at = coalesce(started_at, ?)
            WHERE id = (SELECT id FROM erasure_request
                        WHERE status IN ('PENDING', 'RUNNING') AND next_attempt_at <= ?
                        ORDER BY next_attempt_at, requested_at LIMIT 1
                        FOR UPDATE SKIP LOCKED)
            RETURNING id""";
    /** A RUNNING request nobody holds locked was left by a worker that died: this one may take it over. */
    private static final String LOCK = """
            SELECT subject, vins, attempts FROM erasure_request
            WHERE id = ? AND status = 'RUNNING' FOR UPDATE SKIP LOCKED""";
    /** Holds off transfers while the periods are read and their rows deleted (a transfer locks FOR UPDATE). */
    private static final String LOCK_VEHICLES = "SELECT vin FROM vehicle WHERE vin = ANY(?) ORDER BY vin FOR SHARE";
    private static final String DELETE_CLOSED_PERIOD =
            "DELETE FROM telemetry WHERE vin = ? AND recorded_at >= ? AND recorded_at < ?";
    private static final String DELETE_CURRENT_PERIOD = "DELETE FROM telemetry WHERE vin = ? AND recorded_at >= ?";
    private static final String DELETE_CONSENTS = "DELETE FROM consent WHERE vin = ANY(?)";
    /** Exports of the erased vehicles, and exports of nothing at all. */
    private static final String DELETE_EXPORTS =
            "DELETE FROM export_record WHERE subject = ? AND (vins && ? OR cardinality(vins) = 0)";
    private static final String COMPLETE = """
            UPDATE erasure_request SET status = 'COMPLETED', completed_at = ?, rows_deleted = ?, erased = ?::jsonb,
                   failure = NULL
            WHERE id = ?""";
    private static final String FAIL = """
            UPDATE erasure_request SET status = ?, failure = ?, next_attempt_at = ? WHERE id = ?""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ErasureConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Event<ErasureCompleted> completed;

    @Inject
    Event<ErasureFailed> gaveUp;

    /** Marks the next due request RUNNING and returns it; run in a transaction of its own. */
    Optional<UUID> claim() throws SQLException {
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setObject(1, now.atOffset(ZoneOffset.UTC));
            claim.setObject(2, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = claim.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Erases what the request covers and records the receipt; false when another worker holds it. */
    boolean erase(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String subject;
            List<String> vins;
            int attempts;
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setObject(1, id);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                    subject = rows.getString(1);
                    vins = Arrays.asList((String[]) rows.getArray(2).getArray());
                    attempts = rows.getInt(3);
                }
            }
            if (attempts > config.maxAttempts()) {
                String reason = "gave up after " + config.maxAttempts() + " attempts";
                update(connection, FAIL, ErasureStatus.FAILED.name(), reason, now().atOffset(ZoneOffset.UTC), id);
                gaveUp.fire(new ErasureFailed(id, subject, reason));
                return false;
            }
            Array vinArray = connection.createArrayOf("text", vins.toArray());
            update(connection, LOCK_VEHICLES, vinArray);
            List<ErasedPeriod> periods = new ArrayList<>();
            List<String> stillOwned = new ArrayList<>();
            long telemetryRows = 0;
            for (String vin : vins) {
                for (Ownership period : Ownership.ofOwner(vin, subject)) {
                    long rows = period.validTo == null
                            ? update(connection, DELETE_CURRENT_PERIOD, vin, utc(period.validFrom))
                            : update(connection, DELETE_CLOSED_PERIOD, vin, utc(period.validFrom), utc(period.validTo));
                    periods.add(new ErasedPeriod(vin, period.validFrom, period.validTo, rows));
                    telemetryRows += rows;
                    if (period.validTo == null) {
                        stillOwned.add(vin);
                    }
                }
            }
            long consentRows = update(connection, DELETE_CONSENTS, connection.createArrayOf("text", stillOwned.toArray()));
            long exportRecords = update(connection, DELETE_EXPORTS, subject, vinArray);
            Erased erased = new Erased(telemetryRows, consentRows, exportRecords, periods);
            Instant now = now();
            update(connection, COMPLETE, utc(now), erased.total(), write(erased), id);
            completed.fire(new ErasureCompleted(id, subject, now, erased));
            return true;
        }
    }

    /** Records a failed attempt: tried again after a back-off, or FAILED once the attempts are used up. */
    void failed(UUID id, Throwable cause) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int attempts;
            String subject;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT attempts, subject FROM erasure_request WHERE id = ? FOR UPDATE")) {
                query.setObject(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return;
                    }
                    attempts = rows.getInt(1);
                    subject = rows.getString(2);
                }
            }
            ErasureStatus status = attempts >= config.maxAttempts() ? ErasureStatus.FAILED : ErasureStatus.PENDING;
            // The class name only: a message could quote personal data.
            String reason = "attempt " + attempts + " failed: " + cause.getClass().getSimpleName();
            update(connection, FAIL, status.name(), reason,
                    utc(now().plus(config.retryBackoff().multipliedBy(attempts))), id);
            if (status == ErasureStatus.FAILED) {
                gaveUp.fire(new ErasureFailed(id, subject, reason));
            }
        }
    }

    private static long update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.execute()) {
                return 0; // a locking SELECT
            }
            return statement.getLargeUpdateCount();
        }
    }

    private String write(Erased erased) {
        try {
            return json.writeValueAsString(erased);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
