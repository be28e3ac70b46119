package com.rolloutcontrolroom.ui.chart;

import java.util.HashMap;
import java.util.Map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import com.rolloutcontrolroom.services.chart.ChartPen;

/** A {@link ChartPen} on a canvas' GraphicsContext: the screen's half of the one chart painter. FX thread only. */
final class FxChartPen implements ChartPen {

    private final GraphicsContext graphics;
    /** Never shown: only measures text in the font the canvas draws it with. */
    private final Text measure = new Text();
    private final Map<Double, Font> fonts = new HashMap<>();

    FxChartPen(GraphicsContext graphics) {
        this.graphics = graphics;
    }

    static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }

    @Override
    public double textWidth(String text, double fontSize) {
        measure.setFont(font(fontSize));
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public void fillRect(double x, double y, double width, double height, int argb) {
        graphics.setFill(color(argb));
        graphics.fillRect(x, y, width, height);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth, boolean dashed) {
        graphics.setStroke(color(argb));
        graphics.setLineWidth(lineWidth);
        graphics.setLineCap(StrokeLineCap.BUTT);
        if (dashed) {
            graphics.setLineDashes(6, 4);
        }
        graphics.strokeLine(x1, y1, x2, y2);
        graphics.setLineDashes(null);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        graphics.setStroke(color(argb));
        graphics.setLineWidth(lineWidth);
        graphics.setLineCap(StrokeLineCap.ROUND);
        graphics.setLineJoin(StrokeLineJoin.ROUND);
        graphics.strokePolyline(xs, ys, count);
    }

    @Override
    public void circle(double centerX, double centerY, double radius, int argb, boolean filled) {
        if (filled) {
            graphics.setFill(color(argb));
            graphics.fillOval(centerX - radius, centerY - radius, radius * 2, radius * 2);
        } else {
            graphics.setStroke(color(argb));
            graphics.setLineWidth(2);
            graphics.strokeOval(centerX - radius, centerY - radius, radius * 2, radius * 2);
        }
    }

    @Override
    public void diamond(double centerX, double centerY, double radius, int argb, boolean filled) {
        double[] xs = {centerX, centerX + radius, centerX, centerX - radius};
        double[] ys = {centerY - radius, centerY, centerY + radius, centerY};
        if (filled) {
            graphics.setFill(color(argb));
            graphics.fillPolygon(xs, ys, 4);
        } else {
            graphics.setStroke(color(argb));
            graphics.setLineWidth(2);
            graphics.strokePolygon(xs, ys, 4);
        }
    }

    @Override
    public void text(String text, double x, double baseline, Align align, int argb, double fontSize) {
        graphics.setFont(font(fontSize));
        graphics.setFill(color(argb));
        graphics.setTextBaseline(VPos.BASELINE);
        graphics.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        graphics.fillText(text, x, baseline);
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        graphics.save();
        graphics.beginPath();
        graphics.rect(x, y, width, height);
        graphics.closePath();
        graphics.clip();
    }

    @Override
    public void unclip() {
        graphics.restore();
    }

    private Font font(double size) {
        return fonts.computeIfAbsent(size, Font::font);
    }
}
