package cn.vdp.storage.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

/**
 * Writes what the API would refuse (records too old, an ownership begun in the past) straight into the database,
 * the way storage-service's own functions would leave it: day partitions through the maintenance function.
 */
public final class TelemetrySeed {

    private TelemetrySeed() {
    }

    /** The day partitions of these categories from {@code from} to {@code to}, as the hourly job makes them. */
    public static void partitions(DataSource db, List<String> categories, LocalDate from, LocalDate to)
            throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ensure = connection.prepareStatement(
                "SELECT telemetry_ensure_partitions(?, ?, ?)")) {
            ensure.setArray(1, connection.createArrayOf("text", categories.toArray()));
            ensure.setObject(2, from);
            ensure.setObject(3, to);
            ensure.execute();
        }
    }

    /** One row of a category (its day partition made first); {@code signals} is a JSON object. */
    public static void row(DataSource db, String vin, Instant at, long seq, String category, String signals)
            throws SQLException {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        partitions(db, List.of(category), day, day);
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

    /** Moves the start of the vehicle's current ownership to {@code since}. */
    public static void ownedSince(DataSource db, String vin, Instant since) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement owned = connection.prepareStatement(
                "UPDATE ownership SET valid_from = ? WHERE vin = ? AND valid_to IS NULL")) {
            owned.setObject(1, since.atOffset(ZoneOffset.UTC));
            owned.setString(2, vin);
            owned.executeUpdate();
        }
    }
}
