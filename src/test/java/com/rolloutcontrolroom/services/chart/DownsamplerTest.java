package com.rolloutcontrolroom.services.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;

class DownsamplerTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aWeekHourlyOnAWideChartKeepsEveryPoint() {
        List<ChartPoint> week = series(168, Duration.ofHours(1), i -> 95 + (i % 5));

        List<ChartPoint> kept = Downsampler.toColumns(week, FROM, FROM.plus(Duration.ofDays(7)), 800);

        assertThat(kept).containsExactlyElementsOf(week);
    }

    @Test
    void aHundredThousandPointsAreBoundedToFourPerColumnKeepingSpikesAndDipsInOrder() {
        List<ChartPoint> many = series(100_000, Duration.ofSeconds(6), i -> 97 + Math.sin(i / 50.0));
        many.set(31_337, point(31_337, Duration.ofSeconds(6), 12.5)); // a dip between two columns' edges
        many.set(77_001, point(77_001, Duration.ofSeconds(6), 100.0)); // a spike
        Instant until = FROM.plus(Duration.ofSeconds(6L * 100_000));

        long started = System.nanoTime();
        List<ChartPoint> kept = Downsampler.toColumns(many, FROM, until, 600);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(kept).hasSizeLessThanOrEqualTo(4 * 600).hasSizeGreaterThanOrEqualTo(2 * 600);
        assertThat(kept).contains(many.get(31_337), many.get(77_001), many.get(0), many.get(99_999));
        assertThat(kept).isSortedAccordingTo(Comparator.comparing(ChartPoint::at));
        assertThat(kept).doesNotHaveDuplicates();
        assertThat(millis).as("one pass, no sorting of the whole list").isLessThan(500);
    }

    @Test
    void eachColumnKeepsItsFirstMinMaxAndLast() {
        // 10 points in one column: first 50, min 10 at #3, max 90 at #6, last 40
        double[] values = {50, 60, 30, 10, 70, 80, 90, 20, 30, 40};
        List<ChartPoint> column = series(values.length, Duration.ofMinutes(1), i -> values[i]);

        List<ChartPoint> kept = Downsampler.toColumns(column, FROM, FROM.plus(Duration.ofMinutes(10)), 1);

        assertThat(kept).extracting(ChartPoint::value).containsExactly(50.0, 10.0, 90.0, 40.0);
    }

    @Test
    void nothingInNothingOut() {
        assertThat(Downsampler.toColumns(List.of(), FROM, FROM.plusSeconds(60), 100)).isEmpty();
    }

    private static List<ChartPoint> series(int count, Duration step, java.util.function.IntToDoubleFunction value) {
        List<ChartPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(point(i, step, value.applyAsDouble(i)));
        }
        return points;
    }

    private static ChartPoint point(int i, Duration step, double value) {
        return new ChartPoint(FROM.plus(step.multipliedBy(i)), value, 100, "point " + i);
    }
}
