package cn.vdp.storage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The three telemetry files from COPY rows as PostgreSQL sends them, escapes included. */
class ExportFormatsTest {

    private static final String VIN = "LRW3E7FS5PC123456";

    /** recorded_at, seq, category, signals: one COPY text row (tabs, backslash escapes, newline). */
    private static CopyRow row(String time, long seq, String category, String copyEscapedJson) {
        String line = time + "\t" + seq + "\t" + category + "\t" + copyEscapedJson + "\n";
        return new CopyRow().read(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesMergeTheRowsOfARecordAndKeepEscapes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteSink out = new ByteSink(bytes);
        JsonLinesFile lines = new JsonLinesFile(out);
        lines.row(VIN, row("2026-11-21 08:00:00.5+00", 7, "battery", "{\"battery.soc\": 80.5}"));
        lines.row(VIN, row("2026-11-21 08:00:00.5+00", 7, "diagnostics", "{\"diagnostics.dtc\": \"P\\\\\"0A\"}"));
        lines.row(VIN, row("2026-11-21 08:00:01+00", 8, "battery", "{\"battery.soc\": 80.4}"));
        assertEquals(2, lines.finish());
        out.flush();
        List<String> written = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        var first = new ObjectMapper().readTree(written.get(0));
        assertEquals("2026-11-21T08:00:00.5Z", first.get("recordedAt").asText());
        assertEquals(7, first.get("seq").asInt());
        assertEquals(80.5, first.get("signals").get("battery.soc").asDouble());
        assertEquals("P\"0A", first.get("signals").get("diagnostics.dtc").asText(), "COPY's escaping undone");
        assertEquals(Instant.parse("2026-11-21T08:00:01Z"),
                Instant.parse(new ObjectMapper().readTree(written.get(1)).get("recordedAt").asText()));
    }

    @Test
    void csvHasOneLinePerValueWithUnitsAndQuotesWhereNeeded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteSink out = new ByteSink(bytes);
        CsvFile csv = new CsvFile(out);
        csv.row(VIN, row("2026-11-21 08:00:00.123456+00", 1, "vehicle_state",
                "{\"vehicle.gear\": \"D\", \"vehicle.speed\": 52.5, \"vehicle.ignition\": true}"));
        csv.row(VIN, row("2026-11-21 08:00:00.123456+00", 1, "diagnostics",
                "{\"diagnostics.dtc\": \"a,\\\\\"b\"}"));
        out.flush();
        assertEquals(List.of("vin,seq,recorded_at,signal,value,unit,category",
                VIN + ",1,2026-11-21T08:00:00.123456Z,vehicle.gear,D,,vehicle_state",
                VIN + ",1,2026-11-21T08:00:00.123456Z,vehicle.speed,52.5,km/h,vehicle_state",
                VIN + ",1,2026-11-21T08:00:00.123456Z,vehicle.ignition,true,,vehicle_state",
                VIN + ",1,2026-11-21T08:00:00.123456Z,diagnostics.dtc,\"a,\"\"b\",,diagnostics"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void gpxStartsANewTrackAfterAPause() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteSink out = new ByteSink(bytes);
        GpxFile gpx = new GpxFile(out, Duration.ofMinutes(10), Instant.parse("2026-11-21T09:00:00Z"));
        gpx.row(VIN, row("2026-11-21 08:00:00+00", 1, "location",
                "{\"location.altitude\": 4.5, \"location.latitude\": 31.23, \"location.longitude\": 121.47}"));
        gpx.row(VIN, row("2026-11-21 08:00:00+00", 1, "battery", "{\"battery.soc\": 80}"));
        gpx.row(VIN, row("2026-11-21 08:05:00+00", 2, "location",
                "{\"location.latitude\": 31.24, \"location.longitude\": 121.48}"));
        gpx.row(VIN, row("2026-11-21 08:30:00+00", 3, "location",
                "{\"location.latitude\": 31.3, \"location.longitude\": 121.5}"));
        gpx.row(VIN, row("2026-11-21 08:31:00+00", 4, "location", "{\"location.heading\": 90}"));
        assertEquals(3, gpx.finish());
        out.flush();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("<trkpt lat=\"31.23\" lon=\"121.47\"><ele>4.5</ele><time>2026-11-21T08:00:00Z</time>"),
                text);
        assertTrue(text.indexOf("trip 2") > text.indexOf("31.24") && text.indexOf("trip 2") < text.indexOf("31.3"));
        assertEquals(2, text.split("<trk>", -1).length - 1, "two trips");
        assertEquals(GpxFile.micros("2026-11-21 08:00:00.25+00".getBytes(StandardCharsets.US_ASCII), 0, 25),
                Instant.parse("2026-11-21T08:00:00.250Z").toEpochMilli() * 1000);
    }
}
