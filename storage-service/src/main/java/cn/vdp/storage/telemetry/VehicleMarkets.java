package cn.vdp.storage.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** Looks up the registered market of every car of a batch in one query (hot path, so plain JDBC). */
@ApplicationScoped
class VehicleMarkets {

    @Inject
    AgroalDataSource dataSource;

    /** VIN to market for the registered ones; unregistered VINs are absent. */
    Map<String, String> of(List<String> vins) throws SQLException {
        Map<String, String> markets = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT vin, market FROM vehicle WHERE vin = ANY(?::varchar[])")) {
            query.setArray(1, connection.createArrayOf("varchar", vins.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    markets.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return markets;
    }
}
