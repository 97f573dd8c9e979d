package cn.vdp.storage.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.storage.telemetry.FlatJson;

/**
 * trips.gpx (GPX 1.1): the location points of each vehicle as tracks, one track per trip; a trip ends where the
 * car sent no position for longer than the configured gap, or where an ownership period ends. Points come from
 * the location rows of the same pass that writes the other files.
 */
final class GpxFile {

    private static final int TIME = 0;
    private static final int CATEGORY = 2;
    private static final int SIGNALS = 3;
    private static final byte[] LOCATION = Category.LOCATION.code().getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LATITUDE = key(SignalCatalogue.LATITUDE);
    private static final byte[] LONGITUDE = key(SignalCatalogue.LONGITUDE);
    private static final byte[] ALTITUDE = key("location.altitude");

    private final ByteSink out;
    private final FlatJson flat = new FlatJson();
    private final long gapMicros;
    private String vin;
    private long lastMicros;
    private int tripOfVehicle;
    private boolean inTrack;
    private long points;

    GpxFile(ByteSink out, Duration tripGap, Instant createdAt) throws IOException {
        this.out = out;
        this.gapMicros = tripGap.toNanos() / 1000;
        out.ascii("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="VDP-CN" xmlns="http://www.topografix.com/GPX/1/1">
                  <metadata><name>VDP-CN data export: trips</name><time>""").ascii(createdAt.toString())
                .ascii("</time></metadata>\n");
    }

    /** The next point starts a new track (a new ownership period). */
    void breakTrip() throws IOException {
        endTrack();
    }

    /** Takes the position of a location row that has both coordinates; other rows are passed over. */
    void row(String vin, CopyRow row) throws IOException {
        byte[] b = row.bytes();
        if (!Arrays.equals(b, row.start(CATEGORY), row.end(CATEGORY), LOCATION, 0, LOCATION.length)) {
            return;
        }
        byte[] json = b;
        int from = row.start(SIGNALS);
        int to = row.end(SIGNALS);
        if (row.escaped(SIGNALS)) {
            json = row.unescaped(SIGNALS);
            from = 0;
            to = json.length;
        }
        if (!flat.read(json, from, to)) {
            return; // positions are plain numbers; a row with escapes holds none worth drawing
        }
        int latitude = number(flat.find(LATITUDE));
        int longitude = number(flat.find(LONGITUDE));
        if (latitude >= 0 && longitude >= 0) {
            point(vin, b, row.start(TIME), row.end(TIME), json, latitude, longitude, number(flat.find(ALTITUDE)));
        }
    }

    long finish() throws IOException {
        endTrack();
        out.ascii("</gpx>\n");
        return points;
    }

    /** Numbers only between the quotes and tags, so nothing needs XML escaping. */
    private void point(String vin, byte[] time, int timeFrom, int timeTo, byte[] json, int latitude, int longitude,
            int altitude) throws IOException {
        long micros = micros(time, timeFrom, timeTo);
        if (!vin.equals(this.vin)) {
            endTrack();
            this.vin = vin;
            tripOfVehicle = 0;
        } else if (inTrack && micros - lastMicros > gapMicros) {
            endTrack();
        }
        if (!inTrack) {
            tripOfVehicle++;
            out.ascii("  <trk><name>").ascii(vin).ascii(" trip ").ascii(Integer.toString(tripOfVehicle))
                    .ascii("</name><trkseg>\n");
            inTrack = true;
        }
        lastMicros = micros;
        out.ascii("    <trkpt lat=\"").write(json, flat.valueFrom(latitude), flat.valueTo(latitude)).ascii("\" lon=\"")
                .write(json, flat.valueFrom(longitude), flat.valueTo(longitude)).ascii("\">");
        if (altitude >= 0) {
            out.ascii("<ele>").write(json, flat.valueFrom(altitude), flat.valueTo(altitude)).ascii("</ele>");
        }
        out.ascii("<time>").isoTime(time, timeFrom, timeTo).ascii("</time></trkpt>\n");
        points++;
    }

    private void endTrack() throws IOException {
        if (inTrack) {
            out.ascii("  </trkseg></trk>\n");
            inTrack = false;
        }
    }

    /** The member if its value is a plain number (no string, no null), else -1. */
    private int number(int member) {
        if (member < 0 || flat.text(member)) {
            return -1;
        }
        for (int i = flat.valueFrom(member); i < flat.valueTo(member); i++) {
            byte c = flat.bytes()[i];
            if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
                return -1;
            }
        }
        return member;
    }

    /** Microseconds since the epoch of "2026-11-21 08:00:00[.123456]+00" (a UTC session's timestamptz text). */
    static long micros(byte[] t, int from, int to) {
        long day = LocalDate.of(digits(t, from, 4), digits(t, from + 5, 2), digits(t, from + 8, 2)).toEpochDay();
        long seconds = day * 86_400 + digits(t, from + 11, 2) * 3600L + digits(t, from + 14, 2) * 60L
                + digits(t, from + 17, 2);
        long fraction = 0;
        int scale = 100_000;
        for (int i = from + 20; i < to - 3 && t[from + 19] == '.'; i++, scale /= 10) {
            fraction += (t[i] - '0') * scale;
        }
        return seconds * 1_000_000 + fraction;
    }

    private static int digits(byte[] t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + t[i] - '0';
        }
        return value;
    }

    private static byte[] key(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
