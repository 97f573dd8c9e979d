package cn.vdp.portal.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.TemplateData;

import cn.vdp.portal.web.PortalTime;

/**
 * A line chart of one signal over the chosen range, drawn on the server as plain SVG: a polyline in a fixed
 * viewBox with labelled axes. No script and no external library: the browser only draws what it is given.
 *
 * @param points the polyline's "x,y x,y ..." in viewBox units
 * @param count how many values were drawn
 */
@TemplateData(namespace = "svg")
public record SvgChart(String signal, String unit, String points, List<Tick> xTicks, List<Tick> yTicks, int count,
        double min, double max) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 240;
    public static final double LEFT = 64;
    public static final double RIGHT = 680;
    public static final double TOP = 16;
    public static final double BOTTOM = 200;
    private static final int X_TICKS = 5;
    private static final int Y_TICKS = 4;

    /** One axis label: where it sits along its axis and what it says. */
    public record Tick(String at, String label) {
    }

    /** One value at one time. */
    public record Point(Instant at, double value) {
    }

    /** @param points oldest first */
    public static SvgChart of(String signal, String unit, List<Point> points, Instant from, Instant to) {
        double min = points.stream().mapToDouble(Point::value).min().orElse(0);
        double max = points.stream().mapToDouble(Point::value).max().orElse(1);
        if (max - min < 1e-9) {
            // A flat line is drawn in the middle of a range around its value.
            min -= 1;
            max += 1;
        }
        double span = (double) (to.toEpochMilli() - from.toEpochMilli());
        StringBuilder polyline = new StringBuilder(points.size() * 12);
        for (Point point : points) {
            double x = LEFT + (RIGHT - LEFT) * (point.at().toEpochMilli() - from.toEpochMilli()) / span;
            double y = BOTTOM - (BOTTOM - TOP) * (point.value() - min) / (max - min);
            if (!polyline.isEmpty()) {
                polyline.append(' ');
            }
            polyline.append(coordinate(x)).append(',').append(coordinate(y));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < X_TICKS; i++) {
            double fraction = (double) i / (X_TICKS - 1);
            Instant at = from.plusMillis((long) (span * fraction));
            xTicks.add(new Tick(coordinate(LEFT + (RIGHT - LEFT) * fraction), PortalTime.shortTime(at)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i < Y_TICKS; i++) {
            double fraction = (double) i / (Y_TICKS - 1);
            yTicks.add(new Tick(coordinate(BOTTOM - (BOTTOM - TOP) * fraction), number(min + (max - min) * fraction)));
        }
        return new SvgChart(signal, unit, polyline.toString(), xTicks, yTicks, points.size(), min, max);
    }

    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Axis numbers: whole numbers stay whole, others get at most two decimals. */
    static String number(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", (long) Math.rint(value));
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }
}
