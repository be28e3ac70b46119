package com.rolloutcontrolroom.services.chart;

import static com.rolloutcontrolroom.services.chart.ChartSamples.VIVID;
import static com.rolloutcontrolroom.services.chart.ChartSamples.hour;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;

class ChartHoverTest {

    private static final TextMeasure MONO = (text, size) -> text.length() * size * 0.6;

    private final ChartModel model = ChartSamples.twelveHours();
    private final ChartGeometry at = ChartGeometry.of(model, VIVID, 800, 300, MONO);

    @Test
    void theNearestPointToAnXPixelIsFoundEitherSide() {
        assertThat(ChartHover.nearestPoint(model, at, at.xOf(hour(5)) + 3)).map(ChartPoint::at).contains(hour(5));
        assertThat(ChartHover.nearestPoint(model, at, at.xOf(hour(6)) - 3)).map(ChartPoint::at).contains(hour(6));
        assertThat(ChartHover.nearestPoint(model, at, at.xOf(hour(6.4)))).map(ChartPoint::at).contains(hour(6));
        assertThat(ChartHover.nearestPoint(model, at, at.xOf(hour(6.6)))).map(ChartPoint::at).contains(hour(7));
    }

    @Test
    void theMiddleOfAQuietGapDescribesNoPoint() {
        assertThat(ChartHover.nearestPoint(model, at, at.xOf(hour(3.5)))).isEmpty();
        assertThat(ChartHover.describe(model, at, at.xOf(hour(3.5)), at.yOf(95))).isEmpty();
    }

    @Test
    void onTheStripAMarkerSpeaksAndAbovePointsDo() {
        double x = at.xOf(hour(3));
        assertThat(ChartHover.describe(model, at, x, at.stripCenterY())).isEqualTo("T+3h checkpoint · FAIL");
        double overPoint = at.xOf(hour(7));
        assertThat(ChartHover.describe(model, at, overPoint, at.yOf(98))).isEqualTo(model.points().get(5).describe());
        assertThat(ChartHover.describe(model, at, overPoint, at.stripCenterY())).as("no marker at 07:00").isEmpty();
    }

    @Test
    void findsTheNearestOfAHundredThousandPointsQuickly() {
        List<ChartPoint> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(new ChartPoint(ChartSamples.FROM.plusSeconds(i * 6L), 97, 10, "point " + i));
        }
        ChartModel big = ChartSamples.withPoints(many, Duration.ofSeconds(6), ChartSamples.FROM.plusSeconds(600_000));
        ChartGeometry bigAt = ChartGeometry.of(big, VIVID, 800, 300, MONO);

        long started = System.nanoTime();
        for (int x = (int) bigAt.plotLeft(); x < bigAt.plotRight(); x++) {
            assertThat(ChartHover.nearestPoint(big, bigAt, x)).isPresent();
        }
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(200);
        assertThat(ChartHover.nearestPoint(big, bigAt, bigAt.xOf(ChartSamples.FROM.plusSeconds(300_000))))
                .map(ChartPoint::describe).contains("point 50000");
    }
}
