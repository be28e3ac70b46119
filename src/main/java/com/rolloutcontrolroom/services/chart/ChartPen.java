package com.rolloutcontrolroom.services.chart;

/**
 * The few drawing operations a chart needs, so one {@link ChartPainter} draws on a JavaFX canvas and into
 * a Java2D image alike. Colours are 0xAARRGGBB; coordinates are logical pixels, y down; text is placed
 * by its baseline.
 */
public interface ChartPen extends TextMeasure {

    enum Align { LEFT, CENTER, RIGHT }

    void fillRect(double x, double y, double width, double height, int argb);

    void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth, boolean dashed);

    /** Joins the first {@code count} points. */
    void polyline(double[] xs, double[] ys, int count, int argb, double lineWidth);

    void circle(double centerX, double centerY, double radius, int argb, boolean filled);

    void diamond(double centerX, double centerY, double radius, int argb, boolean filled);

    void text(String text, double x, double baseline, Align align, int argb, double fontSize);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double width, double height);

    void unclip();
}
