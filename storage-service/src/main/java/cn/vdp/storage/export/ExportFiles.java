package cn.vdp.storage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.consent.ConsentApi.ConsentView;
import cn.vdp.storage.consent.ConsentService;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.telemetry.TelemetryConfig;
import cn.vdp.storage.vehicle.TimeWindow;
import cn.vdp.storage.vehicle.VehicleAccess;
import cn.vdp.storage.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.storage.vehicle.VehicleRegistry;

/**
 * Writes the listed files of one export from one database snapshot: the caller's vehicles and periods, their
 * consents, and their telemetry as JSON Lines, CSV and GPX. Must run inside the export's transaction; the first
 * statement makes it a read-only REPEATABLE READ snapshot, so the five files describe the same data even while
 * cars keep sending.
 */
@ApplicationScoped
class ExportFiles {

    static final String VEHICLES = "vehicles.json";
    static final String CONSENTS = "consents.json";
    static final String JSON_LINES = "telemetry.jsonl";
    static final String CSV = "telemetry.csv";
    static final String GPX = "trips.gpx";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    VehicleRegistry registry;

    @Inject
    VehicleAccess access;

    @Inject
    ConsentService consents;

    @Inject
    ExportConfig config;

    @Inject
    TelemetryConfig telemetry;

    @Inject
    ObjectMapper json;

    /** What was exported: the vehicles and how many records. */
    record Written(List<String> vins, long records) {
    }

    record VehicleConsents(String vin, List<ConsentView> consents) {
    }

    Written write(ExportZip zip, Caller owner, String onlyVin, Instant createdAt) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                // One vehicle's rows in time order are exactly the primary key's order: read them through it,
                // never by scanning and sorting whole partitions (which the planner may prefer for a vehicle with
                // a large share of a partition), and without parallel workers.
                snapshot.execute("SET LOCAL enable_sort = off");
                snapshot.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            }
            List<OwnedVehicle> vehicles = registry.vehiclesOf(owner).stream()
                    .filter(v -> onlyVin == null || v.vin().equals(onlyVin)).toList();
            Map<String, List<TimeWindow>> windows = windows(vehicles, owner, createdAt);
            writeJson(zip, VEHICLES, vehicles);
            writeJson(zip, CONSENTS, vehicles.stream().filter(OwnedVehicle::currentOwner)
                    .map(v -> new VehicleConsents(v.vin(), consents.views(v.vin()))).toList());

            // One pass over the rows: JSON Lines streams into the zip while CSV and GPX go to spools that follow it.
            long records;
            try (Spool csvSpool = new Spool(config.compressionLevel());
                    Spool gpxSpool = new Spool(config.compressionLevel())) {
                try (OutputStream jsonLinesFile = zip.file(JSON_LINES)) {
                    ByteSink jsonOut = new ByteSink(jsonLinesFile);
                    ByteSink csvOut = new ByteSink(csvSpool.content());
                    ByteSink gpxOut = new ByteSink(gpxSpool.content());
                    JsonLinesFile lines = new JsonLinesFile(jsonOut);
                    CsvFile csv = new CsvFile(csvOut);
                    GpxFile gpx = new GpxFile(gpxOut, config.tripGap(), createdAt);
                    TelemetryCursor cursor = new TelemetryCursor(connection);
                    for (var vehicle : windows.entrySet()) {
                        for (TimeWindow window : vehicle.getValue()) {
                            gpx.breakTrip();
                            cursor.records(vehicle.getKey(), window, (vin, row) -> {
                                lines.row(vin, row);
                                csv.row(vin, row);
                                gpx.row(vin, row);
                            });
                        }
                    }
                    records = lines.finish();
                    gpx.finish();
                    jsonOut.flush();
                    csvOut.flush();
                    gpxOut.flush();
                }
                zip.file(CSV, csvSpool);
                zip.file(GPX, gpxSpool);
            }
            return new Written(List.copyOf(windows.keySet()), records);
        }
    }

    /**
     * Per vehicle, the caller's ownership windows oldest first (THE ownership rule, as for every owner query); a
     * current period ends where the owner's live queries end too: now plus the allowed clock skew of cars.
     */
    private Map<String, List<TimeWindow>> windows(List<OwnedVehicle> vehicles, Caller owner, Instant createdAt)
            throws SQLException {
        Instant end = createdAt.plus(telemetry.maxFutureSkew());
        Map<String, List<TimeWindow>> windows = new LinkedHashMap<>();
        for (OwnedVehicle vehicle : vehicles) {
            List<TimeWindow> newestFirst = new ArrayList<>(access.visibleWindows(vehicle.vin(), owner, Instant.EPOCH, end));
            Collections.reverse(newestFirst);
            windows.put(vehicle.vin(), newestFirst);
        }
        return windows;
    }

    private void writeJson(ExportZip zip, String name, Object value) throws IOException {
        try (OutputStream out = zip.file(name)) {
            json.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, value);
        }
    }
}
