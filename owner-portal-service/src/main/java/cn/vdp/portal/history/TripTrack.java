package cn.vdp.portal.history;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * A trip drawn from the car's location points as an SVG polyline, scaled into a square viewBox. No map tiles: the
 * track is the only thing on it, so nothing is fetched from a map provider.
 *
 * @param points the polyline's "x,y x,y ..." in viewBox units
 * @param startX where the first point lies (a marker is drawn there), likewise start Y and the end
 */
@TemplateData(namespace = "track")
public record TripTrack(String points, String startX, String startY, String endX, String endY, int count,
        Instant firstAt, Instant lastAt) {

    public static final int SIZE = 400;
    private static final double MARGIN = 20;

    /** One location fix. */
    public record Fix(Instant at, double latitude, double longitude) {
    }

    /** @param fixes oldest first, at least one */
    public static TripTrack of(List<Fix> fixes) {
        double meanLatitude = fixes.stream().mapToDouble(Fix::latitude).average().orElse(0);
        // Equirectangular projection: a degree of longitude is shorter by cos(latitude) than one of latitude.
        double squeeze = Math.cos(Math.toRadians(meanLatitude));
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Fix fix : fixes) {
            double x = fix.longitude() * squeeze;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, fix.latitude());
            maxY = Math.max(maxY, fix.latitude());
        }
        double extent = Math.max(Math.max(maxX - minX, maxY - minY), 1e-6);
        double scale = (SIZE - 2 * MARGIN) / extent;
        // Centre the track in the box, north up.
        double offsetX = MARGIN + ((SIZE - 2 * MARGIN) - (maxX - minX) * scale) / 2;
        double offsetY = MARGIN + ((SIZE - 2 * MARGIN) - (maxY - minY) * scale) / 2;
        StringBuilder polyline = new StringBuilder(fixes.size() * 12);
        String[] first = null;
        String[] last = null;
        for (Fix fix : fixes) {
            String x = SvgChart.coordinate(offsetX + (fix.longitude() * squeeze - minX) * scale);
            String y = SvgChart.coordinate(offsetY + (maxY - fix.latitude()) * scale);
            if (!polyline.isEmpty()) {
                polyline.append(' ');
            }
            polyline.append(x).append(',').append(y);
            last = new String[] { x, y };
            if (first == null) {
                first = last;
            }
        }
        return new TripTrack(polyline.toString(), first[0], first[1], last[0], last[1], fixes.size(),
                fixes.get(0).at(), fixes.get(fixes.size() - 1).at());
    }
}
