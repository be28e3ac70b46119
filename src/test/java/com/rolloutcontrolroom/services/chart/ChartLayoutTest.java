package com.rolloutcontrolroom.services.chart;

import static com.rolloutcontrolroom.services.chart.ChartSamples.VIVID;
import static com.rolloutcontrolroom.services.chart.ChartSamples.hour;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;

/** Tick labels and phase labels fit without touching. */
class ChartLayoutTest {

    private static final TextMeasure MONO = (text, size) -> text.length() * size * 0.6;

    @Test
    void twelveHoursOnAWideChartAreLabelledEveryFewHoursWithTheDayFirst() {
        List<TimeTicks.Tick> ticks = TimeTicks.fitting(hour(0), hour(12), 700, MONO, 12);

        assertThat(ticks).extracting(TimeTicks.Tick::label).startsWith("Dec 3").contains("02:00");
        assertNoOverlap(ticks, 700, Duration.ofHours(12));
    }

    @Test
    void aWeekIsLabelledByDayAndMidnightSaysTheDay() {
        List<TimeTicks.Tick> week = TimeTicks.fitting(hour(0), hour(24 * 7), 700, MONO, 12);
        assertThat(week).extracting(TimeTicks.Tick::label).contains("Dec 3", "Dec 4", "Dec 9");

        List<TimeTicks.Tick> overMidnight = TimeTicks.fitting(hour(18), hour(30), 700, MONO, 12);
        assertThat(overMidnight).extracting(TimeTicks.Tick::label).contains("Dec 3 18:00", "Dec 4", "02:00");
    }

    @Test
    void sixHoursPerMinuteOnANarrowChartStillFits() {
        Instant from = Instant.parse("2026-12-03T09:17:00Z");
        List<TimeTicks.Tick> ticks = TimeTicks.fitting(from, from.plus(Duration.ofHours(6)), 300, MONO, 12);

        assertThat(ticks).hasSizeBetween(2, 4);
        assertNoOverlap(ticks, 300, Duration.ofHours(6));
    }

    @Test
    void phaseLabelsTooCloseTogetherStackAndTheThirdIsLeftOut() {
        List<LabelRows.Placed> placed = LabelRows.place(List.of(
                        new TimeMarker(hour(1), "Phase 1 · Staging"), new TimeMarker(hour(1.2), "Phase 2 · Canary"),
                        new TimeMarker(hour(1.4), "Phase 3 · Half"), new TimeMarker(hour(8), "Phase 4 · Full")),
                at -> 50 + (at.toEpochMilli() - hour(0).toEpochMilli()) / 3_600_000.0 * 60, 50, 770, MONO, 11, 2);

        assertThat(placed).extracting(LabelRows.Placed::text).containsExactly("Phase 1 · Staging", "Phase 2 · Canary", "Phase 4 · Full");
        assertThat(placed).extracting(LabelRows.Placed::row).containsExactly(0, 1, 0);
    }

    @Test
    void theGeometryMakesRoomForTheLabelRowsItUses() {
        ChartModel oneLabel = ChartSamples.twelveHours();
        ChartGeometry one = ChartGeometry.of(oneLabel, VIVID, 800, 300, MONO);
        ChartModel crowded = new ChartModel(oneLabel.title(), oneLabel.from(), oneLabel.until(), 80, 100, oneLabel.points(),
                oneLabel.step(), oneLabel.bands(), oneLabel.thresholds(),
                List.of(new TimeMarker(hour(6), "Phase 2 · Canary"), new TimeMarker(hour(6.1), "Phase 3 · Half")),
                oneLabel.checkpoints());
        ChartGeometry two = ChartGeometry.of(crowded, VIVID, 800, 300, MONO);

        assertThat(two.boundaryLabels()).hasSize(2);
        assertThat(two.plotTop()).isGreaterThan(one.plotTop());
        assertThat(ValueTicks.of(80, 100).values()).containsExactly(80.0, 85.0, 90.0, 95.0, 100.0);
        assertThat(ValueTicks.of(99, 100).label(99.2)).isEqualTo("99.2 %");
    }

    private static void assertNoOverlap(List<TimeTicks.Tick> ticks, double width, Duration span) {
        for (int i = 1; i < ticks.size(); i++) {
            double gap = Duration.between(ticks.get(i - 1).at(), ticks.get(i).at()).toMillis() / (double) span.toMillis() * width;
            double halves = (MONO.textWidth(ticks.get(i - 1).label(), 12) + MONO.textWidth(ticks.get(i).label(), 12)) / 2;
            assertThat(gap).as("room between %s and %s", ticks.get(i - 1).label(), ticks.get(i).label()).isGreaterThan(halves);
        }
    }
}
