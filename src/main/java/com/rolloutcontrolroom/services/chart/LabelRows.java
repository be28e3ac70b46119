package com.rolloutcontrolroom.services.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;

/**
 * Puts phase labels in rows above the plot so none overlaps another: each label goes in the first row
 * where it fits; one that fits in no row is left out (its line is still drawn), because a pile of
 * overlapping words reads as nothing on a shared screen.
 */
public final class LabelRows {

    private static final double GAP = 8;
    private static final double OFFSET = 3;

    /** A label that fits: drawn from {@code left} to {@code right} in {@code row} (0 = top). */
    public record Placed(String text, double left, double right, int row) {
    }

    private LabelRows() {
    }

    static List<Placed> place(List<TimeMarker> markers, ToDoubleFunction<java.time.Instant> xOf, double minX, double maxX,
                              TextMeasure measure, double fontSize, int maxRows) {
        List<TimeMarker> ordered = new ArrayList<>(markers);
        ordered.sort(Comparator.comparing(TimeMarker::at));
        double[] rowEnds = new double[maxRows];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        List<Placed> placed = new ArrayList<>();
        for (TimeMarker marker : ordered) {
            double x = xOf.applyAsDouble(marker.at());
            double textWidth = measure.textWidth(marker.label(), fontSize);
            // beside its line, to the right; flipped to the left where it would run off the plot
            double left = x + OFFSET + textWidth <= maxX ? x + OFFSET : Math.max(minX, x - OFFSET - textWidth);
            double right = left + textWidth;
            for (int row = 0; row < maxRows; row++) {
                if (left >= rowEnds[row] + GAP) {
                    rowEnds[row] = right;
                    placed.add(new Placed(marker.label(), left, right, row));
                    break;
                }
            }
        }
        return placed;
    }
}
