package com.rolloutcontrolroom.services.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;

/**
 * Reduces a series to what a chart of a given pixel width can show: per pixel column the first, lowest,
 * highest and last point, in time order. Why these four: a plain average would hide the one bad hour
 * (a dip to 12 %) that the chart exists to show, and first/last keep the line joining columns honest.
 * One pass over the points, so 100k points cost a few milliseconds.
 */
public final class Downsampler {

    private Downsampler() {
    }

    /** {@code points} oldest first; points outside [from, until] fall into the edge columns. */
    public static List<ChartPoint> toColumns(List<ChartPoint> points, Instant from, Instant until, int columns) {
        if (points.size() <= Math.max(1, columns)) {
            return points; // at most one point per column already: nothing to merge
        }
        int width = Math.max(1, columns);
        double fromMillis = from.toEpochMilli();
        double span = Math.max(1, until.toEpochMilli() - fromMillis);
        List<ChartPoint> kept = new ArrayList<>(Math.min(points.size(), 4 * width));
        int column = -1;
        int first = -1;
        int min = -1;
        int max = -1;
        int last = -1;
        for (int i = 0; i < points.size(); i++) {
            ChartPoint point = points.get(i);
            int at = (int) Math.floor((point.at().toEpochMilli() - fromMillis) / span * width);
            at = Math.max(0, Math.min(width - 1, at));
            if (at != column) {
                flush(points, kept, first, min, max, last);
                column = at;
                first = i;
                min = i;
                max = i;
            }
            if (point.value() < points.get(min).value()) {
                min = i;
            }
            if (point.value() > points.get(max).value()) {
                max = i;
            }
            last = i;
        }
        flush(points, kept, first, min, max, last);
        return kept;
    }

    private static void flush(List<ChartPoint> points, List<ChartPoint> kept, int first, int min, int max, int last) {
        if (first < 0) {
            return;
        }
        int low = Math.min(min, max);
        int high = Math.max(min, max);
        kept.add(points.get(first));
        if (low != first) {
            kept.add(points.get(low));
        }
        if (high != low && high != first) {
            kept.add(points.get(high));
        }
        if (last != high && last != low && last != first) {
            kept.add(points.get(last));
        }
    }
}
