package com.rolloutcontrolroom.services.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartModel.CheckpointMark;

/**
 * What the pointer is over: the nearest point to an x pixel (binary search, so a week per minute is as
 * quick as a day), or a checkpoint marker when the pointer is on the strip. Pure, so tests need no window.
 */
public final class ChartHover {

    /** Closer than this many pixels counts as "on" a point even when its hour is narrower. */
    private static final double MIN_REACH = 12;

    private ChartHover() {
    }

    /** The point nearest to {@code x}, if one is within reach (half an hour's width or 12 px): a gap says nothing. */
    public static Optional<ChartPoint> nearestPoint(ChartModel model, ChartGeometry at, double x) {
        List<ChartPoint> points = model.points();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        Instant wanted = at.instantAt(x);
        int low = 0;
        int high = points.size() - 1;
        while (low < high) { // first point at or after the wanted instant
            int middle = (low + high) >>> 1;
            if (points.get(middle).at().isBefore(wanted)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        ChartPoint best = points.get(low);
        if (low > 0 && Math.abs(at.xOf(points.get(low - 1).at()) - x) <= Math.abs(at.xOf(best.at()) - x)) {
            best = points.get(low - 1);
        }
        double stepWidth = at.xOf(model.from().plus(model.step())) - at.xOf(model.from());
        double reach = Math.max(MIN_REACH, stepWidth / 2);
        return Math.abs(at.xOf(best.at()) - x) <= reach ? Optional.of(best) : Optional.empty();
    }

    /** The checkpoint marker under the pointer, if the pointer is on the strip and within a marker's reach. */
    public static Optional<CheckpointMark> markerAt(ChartModel model, ChartGeometry at, double x, double y) {
        if (!at.inStrip(x, y)) {
            return Optional.empty();
        }
        double reach = at.markerRadius() + 3;
        CheckpointMark best = null;
        double bestDistance = Double.MAX_VALUE;
        for (CheckpointMark mark : model.checkpoints()) {
            double distance = Math.abs(at.xOf(mark.at()) - x);
            if (distance <= reach && distance < bestDistance) {
                best = mark;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The words a hover shows at (x, y): a marker's on the strip, else the nearest point's, else nothing (""). */
    public static String describe(ChartModel model, ChartGeometry at, double x, double y) {
        if (at.inStrip(x, y)) {
            return markerAt(model, at, x, y).map(CheckpointMark::describe).orElse("");
        }
        if (!at.inPlot(x, y)) {
            return "";
        }
        return nearestPoint(model, at, x).map(ChartPoint::describe).orElse("");
    }
}
