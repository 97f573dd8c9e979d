package cn.vdp.portal.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.portal.history.HistoryView.Row;
import cn.vdp.portal.history.HistoryView.SignalChoice;
import cn.vdp.portal.history.SvgChart.Point;
import cn.vdp.portal.history.TelemetryApi.RecordPage;
import cn.vdp.portal.history.TelemetryApi.StoredRecord;
import cn.vdp.portal.history.TripTrack.Fix;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.portal.web.Formats;
import cn.vdp.portal.web.PortalTime;

/** Reads a range of one vehicle's records from storage-service and turns them into charts, a track and a table. */
@ApplicationScoped
@TemplateData(namespace = "history")
public class HistoryService {

    public static final List<String> DEFAULT_SIGNALS = List.of("battery.soc", "vehicle.speed", "vehicle.odometer");
    /** storage-service's largest page. */
    static final int PAGE_SIZE = 1000;
    /** A page draws at most this many records (the newest); an app pages through everything with the API. */
    public static final int MAX_RECORDS = 10_000;
    public static final int TABLE_ROWS = 100;
    /** Camera frames are kilobytes of base64 each: they are in the download, not in a table. */
    private static final Set<String> NOT_SHOWN = Set.of("cabin.camera_frame");

    @Inject
    TelemetryClient telemetry;

    public HistoryView load(OwnedVehicle vehicle, Instant from, Instant to, List<String> requested) {
        List<String> signals = chosen(requested);
        Set<String> query = new LinkedHashSet<>(signals);
        query.add(SignalCatalogue.LATITUDE);
        query.add(SignalCatalogue.LONGITUDE);

        List<StoredRecord> newestFirst = new ArrayList<>();
        String cursor = null;
        do {
            RecordPage page = telemetry.page(vehicle.vin(), from.toString(), to.toString(), List.copyOf(query),
                    String.valueOf(PAGE_SIZE), cursor);
            newestFirst.addAll(page.records());
            cursor = page.nextCursor();
        } while (cursor != null && newestFirst.size() < MAX_RECORDS);
        boolean truncated = cursor != null;
        List<StoredRecord> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);

        List<SvgChart> charts = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String name : signals) {
            List<Point> points = chartable(oldestFirst, name);
            if (oldestFirst.stream().noneMatch(r -> r.signals().hasNonNull(name))) {
                empty.add(name);
            } else if (!points.isEmpty()) {
                charts.add(SvgChart.of(name, SignalCatalogue.find(name).orElseThrow().unit(), points, from, to));
            }
        }
        List<Fix> fixes = fixes(oldestFirst);
        TripTrack track = fixes.isEmpty() ? null : TripTrack.of(fixes);
        return new HistoryView(vehicle, PortalTime.inputValue(from), PortalTime.inputValue(to), choices(signals),
                charts, empty, track, signals, rows(newestFirst, signals), newestFirst.size(), truncated);
    }

    /** The signals asked for (the defaults when none), each checked against the catalogue. */
    static List<String> chosen(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT_SIGNALS;
        }
        List<FieldError> unknown = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String name : requested) {
            if (SignalCatalogue.find(name).isEmpty() || NOT_SHOWN.contains(name)) {
                unknown.add(new FieldError("signal", "unknown signal '" + name + "'"));
            }
            names.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, "unknown signal in the choice", unknown);
        }
        return List.copyOf(names);
    }

    private static List<SignalChoice> choices(List<String> selected) {
        return SignalCatalogue.all().stream().filter(s -> !NOT_SHOWN.contains(s.name()))
                .map(s -> new SignalChoice(s.name(), s.unit(), selected.contains(s.name()))).toList();
    }

    /** Numbers as they are, flags as 0 and 1; text signals (gear, fault codes) are in the table only. */
    private static List<Point> chartable(List<StoredRecord> records, String name) {
        List<Point> points = new ArrayList<>();
        for (StoredRecord record : records) {
            JsonNode value = record.signals().get(name);
            if (value != null && value.isNumber()) {
                points.add(new Point(record.recordedAt(), value.asDouble()));
            } else if (value != null && value.isBoolean()) {
                points.add(new Point(record.recordedAt(), value.asBoolean() ? 1 : 0));
            }
        }
        return points;
    }

    private static List<Fix> fixes(List<StoredRecord> records) {
        List<Fix> fixes = new ArrayList<>();
        for (StoredRecord record : records) {
            JsonNode latitude = record.signals().get(SignalCatalogue.LATITUDE);
            JsonNode longitude = record.signals().get(SignalCatalogue.LONGITUDE);
            if (latitude != null && longitude != null && latitude.isNumber() && longitude.isNumber()) {
                fixes.add(new Fix(record.recordedAt(), latitude.asDouble(), longitude.asDouble()));
            }
        }
        return fixes;
    }

    private static List<Row> rows(List<StoredRecord> newestFirst, List<String> signals) {
        List<Row> rows = new ArrayList<>();
        for (StoredRecord record : newestFirst.subList(0, Math.min(TABLE_ROWS, newestFirst.size()))) {
            List<String> cells = new ArrayList<>();
            for (String name : signals) {
                cells.add(Formats.readable(record.signals().get(name)));
            }
            rows.add(new Row(PortalTime.seconds(record.recordedAt()), cells));
        }
        return rows;
    }
}
