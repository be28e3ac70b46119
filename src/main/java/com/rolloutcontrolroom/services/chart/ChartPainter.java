package com.rolloutcontrolroom.services.chart;

import java.time.Duration;
import java.util.List;

import com.rolloutcontrolroom.services.chart.ChartModel.Band;
import com.rolloutcontrolroom.services.chart.ChartModel.BandKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartModel.CheckpointMark;
import com.rolloutcontrolroom.services.chart.ChartModel.ThresholdLine;
import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;
import com.rolloutcontrolroom.services.chart.ChartPen.Align;

/**
 * Paints one {@link ChartModel} onto a {@link ChartPen}, back to front: bands, grid and axes, thresholds,
 * phase boundaries, the series (downsampled to the plot's width, broken over quiet hours), checkpoint
 * markers, title. The same code paints the screen and the PNG, so the evidence shows what was seen.
 */
public final class ChartPainter {

    public static final String NO_DATA = "No data yet";
    /** Points further apart than this many steps are a gap: no events, so no line across them. */
    static final double GAP_STEPS = 1.5;

    private final ChartPen pen;

    public ChartPainter(ChartPen pen) {
        this.pen = pen;
    }

    /** Paints the whole chart and returns the layout it used (for hover and tests). */
    public ChartGeometry paint(ChartModel model, ChartStyle style, double width, double height) {
        ChartGeometry at = ChartGeometry.of(model, style, width, height, pen);
        pen.fillRect(0, 0, width, height, style.background());
        pen.clip(at.plotLeft(), at.plotTop(), at.plotRight() - at.plotLeft(), at.plotBottom() - at.plotTop());
        paintBands(model.bands(), style, at);
        pen.unclip();
        new ChartAxes(pen).paint(model, style, at);
        paintThresholdLines(model.thresholds(), style, at);
        paintBoundaries(model.boundaries(), style, at);
        pen.clip(at.plotLeft(), at.plotTop(), at.plotRight() - at.plotLeft(), at.plotBottom() - at.plotTop());
        paintSeries(model.points(), model.step(), style, at);
        pen.unclip();
        paintThresholdLabels(model.thresholds(), style, at);
        if (model.points().isEmpty()) {
            pen.text(NO_DATA, (at.plotLeft() + at.plotRight()) / 2, (at.plotTop() + at.plotBottom()) / 2, Align.CENTER,
                    style.text(), style.fontSize() * 1.2);
        }
        paintCheckpoints(model.checkpoints(), model, style, at);
        pen.text(model.title(), ChartGeometry.PAD, ChartGeometry.PAD + style.fontSize(), Align.LEFT, style.text(),
                style.fontSize() * 1.1);
        return at;
    }

    /** What an empty chart (no model yet) shows: the background and one sentence. */
    public void paintEmpty(ChartStyle style, double width, double height) {
        pen.fillRect(0, 0, width, height, style.background());
        pen.text(NO_DATA, width / 2, height / 2, Align.CENTER, style.text(), style.fontSize() * 1.2);
    }

    private void paintBands(List<Band> bands, ChartStyle style, ChartGeometry at) {
        for (Band band : bands) {
            double top = at.yOf(Math.max(band.from(), band.to()));
            double bottom = at.yOf(Math.min(band.from(), band.to()));
            int colour = band.kind() == BandKind.RED ? style.redBand() : style.warningBand();
            pen.fillRect(at.plotLeft(), top, at.plotRight() - at.plotLeft(), bottom - top, colour);
        }
    }

    private void paintThresholdLines(List<ThresholdLine> thresholds, ChartStyle style, ChartGeometry at) {
        for (ThresholdLine line : visible(thresholds, at)) {
            double y = at.yOf(line.value());
            pen.strokeLine(at.plotLeft(), y, at.plotRight(), y, style.threshold(), Math.max(1, style.lineWidth() * 0.6), true);
        }
    }

    /** After the series and on the background colour, so a line running through a label does not hide it. */
    private void paintThresholdLabels(List<ThresholdLine> thresholds, ChartStyle style, ChartGeometry at) {
        double labelSize = style.fontSize() * 0.9;
        double lastBaseline = Double.NaN;
        for (ThresholdLine line : visible(thresholds, at)) {
            double y = at.yOf(line.value());
            // above its line; below it when the previous label sits right there (two lines close together)
            double baseline = y - 3;
            if (!Double.isNaN(lastBaseline) && Math.abs(lastBaseline - baseline) < labelSize * 1.1) {
                baseline = y + labelSize + 2;
            }
            double width = pen.textWidth(line.label(), labelSize);
            double right = at.plotRight() - 4;
            pen.fillRect(right - width - 2, baseline - labelSize * 0.85, width + 4, labelSize * 1.05,
                    (style.background() & 0x00FFFFFF) | 0xCC000000);
            pen.text(line.label(), right, baseline, Align.RIGHT, style.threshold(), labelSize);
            lastBaseline = baseline;
        }
    }

    private static List<ThresholdLine> visible(List<ThresholdLine> thresholds, ChartGeometry at) {
        return thresholds.stream()
                .filter(line -> line.value() >= at.valueAt(at.plotBottom()) && line.value() <= at.valueAt(at.plotTop()))
                .toList();
    }

    private void paintBoundaries(List<TimeMarker> boundaries, ChartStyle style, ChartGeometry at) {
        for (TimeMarker marker : boundaries) {
            if (marker.at().isBefore(at.instantAt(at.plotLeft())) || marker.at().isAfter(at.instantAt(at.plotRight()))) {
                continue;
            }
            double x = at.xOf(marker.at());
            pen.strokeLine(x, at.labelTop(), x, at.plotBottom(), style.boundary(), Math.max(1, style.lineWidth() * 0.6), false);
        }
        for (LabelRows.Placed label : at.boundaryLabels()) {
            double baseline = at.labelTop() + (label.row() + 1) * at.labelRowHeight() - 4;
            pen.text(label.text(), label.left(), baseline, Align.LEFT, style.boundary(), at.labelFontSize());
        }
    }

    private void paintSeries(List<ChartPoint> points, Duration step, ChartStyle style, ChartGeometry at) {
        int columns = (int) Math.ceil(at.plotRight() - at.plotLeft());
        List<ChartPoint> shown = Downsampler.toColumns(points, at.instantAt(at.plotLeft()), at.instantAt(at.plotRight()), columns);
        long gapMillis = (long) (step.toMillis() * GAP_STEPS);
        double[] xs = new double[shown.size()];
        double[] ys = new double[shown.size()];
        int run = 0;
        for (int i = 0; i < shown.size(); i++) {
            ChartPoint point = shown.get(i);
            if (run > 0 && point.at().toEpochMilli() - shown.get(i - 1).at().toEpochMilli() > gapMillis) {
                drawRun(xs, ys, run, style);
                run = 0;
            }
            xs[run] = at.xOf(point.at());
            ys[run] = at.yOf(point.value());
            run++;
        }
        drawRun(xs, ys, run, style);
    }

    private void drawRun(double[] xs, double[] ys, int count, ChartStyle style) {
        if (count == 1) {
            pen.circle(xs[0], ys[0], style.lineWidth() * 1.25, style.series(), true); // a lone hour between gaps
        } else if (count > 1) {
            pen.polyline(xs, ys, count, style.series(), style.lineWidth());
        }
    }

    private void paintCheckpoints(List<CheckpointMark> checkpoints, ChartModel model, ChartStyle style, ChartGeometry at) {
        double radius = at.markerRadius();
        double y = at.stripCenterY();
        for (CheckpointMark mark : checkpoints) {
            if (mark.at().isBefore(model.from()) || mark.at().isAfter(model.until())) {
                continue;
            }
            double x = at.xOf(mark.at());
            int colour = MarkColours.of(mark.kind(), style);
            switch (mark.kind()) {
                case PASS, NO_DATA -> pen.circle(x, y, radius, colour, true);
                case WARN, FAIL -> pen.diamond(x, y, radius * 1.2, colour, true);
                case MISSED -> pen.circle(x, y, radius - 0.5, colour, false); // hollow: it never happened
            }
        }
    }
}
