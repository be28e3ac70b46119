package com.rolloutcontrolroom.services.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.List;


/**
 * Where everything of one chart goes at one size: the plot area, the checkpoint strip under it, the rows of
 * phase labels above it, and the mapping time ↔ x and value ↔ y. The painter draws with it, the hover reads
 * with it, and tests ask it "where is the 90 % line".
 */
public final class ChartGeometry {

    static final double PAD = 6;
    private static final int MAX_LABEL_ROWS = 2;

    private final double width;
    private final double height;
    private final Instant from;
    private final Instant until;
    private final double yMin;
    private final double yMax;
    private final double fontSize;
    private final double plotLeft;
    private final double plotRight;
    private final double plotTop;
    private final double plotBottom;
    private final double stripBottom;
    private final double labelTop;
    private final List<LabelRows.Placed> boundaryLabels;

    private ChartGeometry(ChartModel model, double width, double height, double fontSize, TextMeasure measure) {
        this.width = width;
        this.height = height;
        this.from = model.from();
        this.until = model.until();
        this.yMin = model.yMin();
        this.yMax = model.yMax();
        this.fontSize = fontSize;
        ValueTicks ticks = ValueTicks.of(yMin, yMax);
        double widestValue = 0;
        for (double tick : ticks.values()) {
            widestValue = Math.max(widestValue, measure.textWidth(ticks.label(tick), fontSize));
        }
        this.plotLeft = PAD + widestValue + 6;
        this.plotRight = Math.max(plotLeft + 1, width - PAD - fontSize);
        this.labelTop = PAD + fontSize * 1.5;
        this.boundaryLabels = LabelRows.place(model.boundaries().stream()
                .filter(marker -> !marker.at().isBefore(from) && !marker.at().isAfter(until))
                .toList(), this::xOf, plotLeft, plotRight, measure, labelFontSize(), MAX_LABEL_ROWS);
        int rows = boundaryLabels.stream().mapToInt(LabelRows.Placed::row).max().orElse(-1) + 1;
        this.plotTop = labelTop + rows * labelRowHeight() + 4;
        double stripHeight = markerRadius() * 2 + 6;
        this.stripBottom = Math.max(plotTop + stripHeight + 1, height - PAD - fontSize * 1.3);
        this.plotBottom = stripBottom - stripHeight;
    }

    /** Lays a model out at a size; {@code measure} is the pen's, so labels fit the font they are drawn in. */
    public static ChartGeometry of(ChartModel model, ChartStyle style, double width, double height, TextMeasure measure) {
        return new ChartGeometry(model, width, height, style.fontSize(), measure);
    }

    public double xOf(Instant at) {
        double span = Duration.between(from, until).toMillis();
        return plotLeft + (at.toEpochMilli() - from.toEpochMilli()) / span * (plotRight - plotLeft);
    }

    public Instant instantAt(double x) {
        double span = Duration.between(from, until).toMillis();
        return from.plusMillis(Math.round((x - plotLeft) / (plotRight - plotLeft) * span));
    }

    public double yOf(double value) {
        return plotBottom - (value - yMin) / (yMax - yMin) * (plotBottom - plotTop);
    }

    public double valueAt(double y) {
        return yMin + (plotBottom - y) / (plotBottom - plotTop) * (yMax - yMin);
    }

    public boolean inPlot(double x, double y) {
        return x >= plotLeft && x <= plotRight && y >= plotTop && y <= plotBottom;
    }

    public boolean inStrip(double x, double y) {
        return x >= plotLeft - markerRadius() && x <= plotRight + markerRadius() && y > plotBottom && y <= stripBottom;
    }

    public double stripCenterY() {
        return (plotBottom + stripBottom) / 2;
    }

    public double markerRadius() {
        return Math.max(4, fontSize * 0.42);
    }

    double labelFontSize() {
        return fontSize * 0.9;
    }

    double labelRowHeight() {
        return labelFontSize() * 1.35;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double plotLeft() {
        return plotLeft;
    }

    public double plotRight() {
        return plotRight;
    }

    public double plotTop() {
        return plotTop;
    }

    public double plotBottom() {
        return plotBottom;
    }

    public double stripBottom() {
        return stripBottom;
    }

    double labelTop() {
        return labelTop;
    }

    /** The phase labels that fit, each in its row; the ones that would overlap are left out. */
    public List<LabelRows.Placed> boundaryLabels() {
        return boundaryLabels;
    }

    double fontSize() {
        return fontSize;
    }
}
