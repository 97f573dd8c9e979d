package cn.vdp.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.vdp.portal.history.SvgChart.Point;
import cn.vdp.portal.history.TripTrack.Fix;

class SvgChartTest {

    static final Instant FROM = Instant.parse("2026-11-21T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-21T04:00:00Z");

    @Test
    void placesEachValueByTimeAndSizeInsideThePlotArea() {
        SvgChart chart = SvgChart.of("battery.soc", "%", List.of(new Point(FROM, 20), new Point(FROM.plusSeconds(7200), 60),
                new Point(TO, 100)), FROM, TO);
        assertThat(chart.points()).isEqualTo("64.0,200.0 372.0,108.0 680.0,16.0");
        assertThat(chart.count()).isEqualTo(3);
        assertThat(chart.yTicks()).extracting(SvgChart.Tick::label).containsExactly("20", "46.67", "73.33", "100");
        // China Standard Time: 00:00 UTC is 08:00 in Beijing.
        assertThat(chart.xTicks()).extracting(SvgChart.Tick::label)
                .containsExactly("11-21 08:00", "11-21 09:00", "11-21 10:00", "11-21 11:00", "11-21 12:00");
    }

    @Test
    void drawsAFlatLineInTheMiddle() {
        SvgChart chart = SvgChart.of("vehicle.speed", "km/h", List.of(new Point(FROM, 50), new Point(TO, 50)), FROM, TO);
        assertThat(chart.points()).isEqualTo("64.0,108.0 680.0,108.0");
    }

    @Test
    void tripTrackKeepsNorthUpAndFitsTheBox() {
        TripTrack track = TripTrack.of(List.of(new Fix(FROM, 31.20, 121.40), new Fix(FROM.plusSeconds(60), 31.30, 121.40),
                new Fix(TO, 31.30, 121.50)));
        String[] points = track.points().split(" ");
        assertThat(points).hasSize(3);
        double[] start = xy(points[0]);
        double[] north = xy(points[1]);
        double[] east = xy(points[2]);
        assertThat(north[1]).isLessThan(start[1]); // north is up
        assertThat(east[0]).isGreaterThan(north[0]); // east is right
        // A degree of longitude at 31° N is cos(31°) = 0.857 of a degree of latitude.
        assertThat((east[0] - north[0]) / (start[1] - north[1])).isCloseTo(0.857, org.assertj.core.data.Offset.offset(0.01));
        for (String point : points) {
            double[] p = xy(point);
            assertThat(p[0]).isBetween(0.0, (double) TripTrack.SIZE);
            assertThat(p[1]).isBetween(0.0, (double) TripTrack.SIZE);
        }
        assertThat(track.startX() + "," + track.startY()).isEqualTo(points[0]);
        assertThat(track.endX() + "," + track.endY()).isEqualTo(points[2]);
    }

    @Test
    void aSingleFixIsDrawnInTheMiddle() {
        TripTrack track = TripTrack.of(List.of(new Fix(FROM, 31.2, 121.4)));
        assertThat(track.points()).isEqualTo("200.0,200.0");
    }

    private static double[] xy(String point) {
        String[] parts = point.split(",");
        return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) };
    }
}
