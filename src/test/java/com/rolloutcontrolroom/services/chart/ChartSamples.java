package com.rolloutcontrolroom.services.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.services.chart.ChartModel.Band;
import com.rolloutcontrolroom.services.chart.ChartModel.BandKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartModel.CheckpointMark;
import com.rolloutcontrolroom.services.chart.ChartModel.MarkKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ThresholdLine;
import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;

/** A twelve-hour success-rate chart with a quiet gap, both bands, two thresholds and three checkpoints. */
public final class ChartSamples {

    public static final Instant FROM = Instant.parse("2026-12-03T00:00:00Z");
    /** Vivid, distinct colours so a test can tell every element's pixels apart. */
    public static final ChartStyle VIVID = new ChartStyle(0xFFFFFFFF, 0xFF202020, 0xFFE8E8E8, 0xFF0000FF, 0xFF000000,
            0x40FFC000, 0x40FF0000, 0xFF808000, 0xFF00A000, 0xFFFFA000, 0xFFE00000, 0xFF909090, 0xFF606060, 12, 2);

    private ChartSamples() {
    }

    public static Instant hour(double hours) {
        return FROM.plusMillis((long) (hours * 3_600_000));
    }

    /** Points at hours 0-2 and 5-11 (hours 3 and 4 had no events), all at 98 %. */
    public static ChartModel twelveHours() {
        List<ChartPoint> points = new ArrayList<>();
        for (int h : new int[] {0, 1, 2, 5, 6, 7, 8, 9, 10, 11}) {
            points.add(new ChartPoint(hour(h), 98, 1200 + h, "Dec 3 %02d:00 UTC · 98.0 %% · %d events".formatted(h, 1200 + h)));
        }
        return withPoints(points, Duration.ofHours(1), hour(12));
    }

    public static ChartModel withPoints(List<ChartPoint> points, Duration step, Instant until) {
        return new ChartModel("Coordinator success rate · this rollout", FROM, until, 80, 100, points, step,
                List.of(new Band(90, 95, BandKind.WARNING), new Band(80, 90, BandKind.RED)),
                List.of(new ThresholdLine(95, "warn 95 %"), new ThresholdLine(90, "red 90 %")),
                List.of(new TimeMarker(hour(6), "Phase 2 · Canary")),
                List.of(new CheckpointMark(hour(3), MarkKind.FAIL, "T+3h checkpoint · FAIL"),
                        new CheckpointMark(hour(9), MarkKind.MISSED, "T+9h checkpoint · missed"),
                        new CheckpointMark(hour(10.5), MarkKind.PASS, "T+10h30 checkpoint · PASS")));
    }
}
