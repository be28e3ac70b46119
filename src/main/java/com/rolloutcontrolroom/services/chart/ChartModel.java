package com.rolloutcontrolroom.services.chart;

import java.time.Instant;
import java.util.List;

/**
 * Everything one rate chart shows, without a toolkit: the same model is painted on screen (a canvas)
 * and into a PNG (the evidence bundle), so both show the same thing.
 *
 * @param title      e.g. "Coordinator success rate · this phase"
 * @param from       left edge of the time axis
 * @param until      right edge of the time axis ("now" for a live chart)
 * @param yMin       bottom of the value axis (percent)
 * @param yMax       top of the value axis (percent)
 * @param points     the series, oldest first; a gap longer than {@code step} is drawn as a gap, not a line
 * @param step       the series' bucket (an hour, a minute)
 * @param bands      warning and red bands, drawn behind the series
 * @param thresholds the gate's lines
 * @param boundaries phase boundaries (vertical lines with the phase's name)
 * @param checkpoints checkpoint markers, coloured by verdict
 */
public record ChartModel(String title, Instant from, Instant until, double yMin, double yMax,
                         List<ChartPoint> points, java.time.Duration step, List<Band> bands, List<ThresholdLine> thresholds,
                         List<TimeMarker> boundaries, List<CheckpointMark> checkpoints) {

    public ChartModel {
        points = List.copyOf(points);
        bands = List.copyOf(bands);
        thresholds = List.copyOf(thresholds);
        boundaries = List.copyOf(boundaries);
        checkpoints = List.copyOf(checkpoints);
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("A chart's time axis must end after it starts.");
        }
        if (!(yMax > yMin)) {
            throw new IllegalArgumentException("A chart's value axis must end above where it starts.");
        }
    }

    /** One measured bucket: its start, the rate in percent, the events it was taken over, and the words a hover shows. */
    public record ChartPoint(Instant at, double value, long events, String describe) {
    }

    /** A value range drawn as a tinted band behind the series. */
    public record Band(double from, double to, BandKind kind) {
    }

    public enum BandKind { WARNING, RED }

    /** A gate threshold drawn as a dashed horizontal line. */
    public record ThresholdLine(double value, String label) {
    }

    /** A moment drawn as a vertical line with a label, e.g. "Phase 2 · Canary" where its deployment marker is. */
    public record TimeMarker(Instant at, String label) {
    }

    /** A checkpoint on the time axis, coloured by its verdict; {@code describe} is what a hover says. */
    public record CheckpointMark(Instant at, MarkKind kind, String describe) {
    }

    /** The colour families a checkpoint marker takes. */
    public enum MarkKind { PASS, WARN, FAIL, NO_DATA, MISSED }
}
