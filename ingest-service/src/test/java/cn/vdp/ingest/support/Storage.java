package cn.vdp.ingest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import cn.vdp.common.security.Roles;

/** storage-service's operator and owner API, and what is really in its database. */
public final class Storage {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Storage() {
    }

    public static void register(String vin, String market, String owner) throws Exception {
        call("POST", "/api/v1/vehicles", IngestTestResources.tokens().jwt().token("operator-1", "vdp-portal",
                Roles.OPERATOR), "{\"vin\":\"" + vin + "\",\"market\":\"" + market
                        + "\",\"model\":\"Test\",\"ownerSubject\":\"" + owner + "\"}", 201);
    }

    public static void grantConsent(String vin, String owner, String category, Instant until) throws Exception {
        call("PUT", "/api/v1/vehicles/" + vin + "/consents/" + category,
                IngestTestResources.tokens().jwt().token(owner, "vdp-portal", Roles.OWNER),
                "{\"granted\":true,\"expiresAt\":\"" + until + "\"}", 200);
    }

    /**
     * One write through storage's batch API before any test: its first call (JIT, connection pool, partitions)
     * can exceed ingest's 1.5 s test timeout on a busy machine, which would fail whichever test came first.
     */
    static void warmUp() throws Exception {
        String vin = Car.newVin();
        register(vin, "CN", "warm-up-owner");
        String record = "{\"vin\":\"" + vin + "\",\"seq\":1,\"recordedAt\":\"" + Instant.now().minusSeconds(60)
                + "\",\"signals\":{\"vehicle.speed\":1.0}}";
        call("POST", "/api/v1/telemetry/batches", IngestTestResources.tokens().jwt().token(
                "service-account-" + IngestTestResources.CLIENT_ID, IngestTestResources.CLIENT_ID, Roles.INGEST),
                "{\"records\":[" + record + "]}", 200);
    }

    private static void call(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(IngestTestResources.storage().url() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Distinct records stored for a VIN. */
    public static long records(String vin) {
        return count("SELECT count(DISTINCT seq) FROM telemetry WHERE vin = ?", vin);
    }

    /** Rows (one per record and category) stored for a VIN and category. */
    public static long rows(String vin, String category) {
        return count("SELECT count(*) FROM telemetry WHERE vin = ? AND category = ?", vin, category);
    }

    /** The stored signals of one record and category as JSON text, or null. */
    public static String signals(String vin, long seq, String category) {
        try (Connection db = DriverManager.getConnection(IngestTestResources.superuserUrl());
                PreparedStatement query = db.prepareStatement(
                        "SELECT signals::text FROM telemetry WHERE vin = ? AND seq = ? AND category = ?")) {
            query.setString(1, vin);
            query.setLong(2, seq);
            query.setString(3, category);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object... parameters) {
        try (Connection db = DriverManager.getConnection(IngestTestResources.superuserUrl());
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
