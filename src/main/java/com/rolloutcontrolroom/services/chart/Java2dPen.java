package com.rolloutcontrolroom.services.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

/** A {@link ChartPen} on Java2D, for the PNG: works headless and on any thread. */
public final class Java2dPen implements ChartPen {

    private static final float[] DASH = {6f, 4f};

    private final Graphics2D graphics;
    private final Shape initialClip;
    private final Map<Double, Font> fonts = new HashMap<>();

    public Java2dPen(Graphics2D graphics) {
        this.graphics = graphics;
        this.initialClip = graphics.getClip();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public double textWidth(String text, double fontSize) {
        return graphics.getFontMetrics(font(fontSize)).getStringBounds(text, graphics).getWidth();
    }

    @Override
    public void fillRect(double x, double y, double width, double height, int argb) {
        graphics.setColor(new Color(argb, true));
        graphics.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth, boolean dashed) {
        graphics.setColor(new Color(argb, true));
        graphics.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                dashed ? DASH : null, 0f));
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, count);
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < count; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        graphics.setColor(new Color(argb, true));
        graphics.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.draw(path);
    }

    @Override
    public void circle(double centerX, double centerY, double radius, int argb, boolean filled) {
        draw(new Ellipse2D.Double(centerX - radius, centerY - radius, radius * 2, radius * 2), argb, filled);
    }

    @Override
    public void diamond(double centerX, double centerY, double radius, int argb, boolean filled) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(centerX, centerY - radius);
        path.lineTo(centerX + radius, centerY);
        path.lineTo(centerX, centerY + radius);
        path.lineTo(centerX - radius, centerY);
        path.closePath();
        draw(path, argb, filled);
    }

    private void draw(Shape shape, int argb, boolean filled) {
        graphics.setColor(new Color(argb, true));
        if (filled) {
            graphics.fill(shape);
        } else {
            graphics.setStroke(new BasicStroke(2f));
            graphics.draw(shape);
        }
    }

    @Override
    public void text(String text, double x, double baseline, Align align, int argb, double fontSize) {
        Font font = font(fontSize);
        graphics.setFont(font);
        graphics.setColor(new Color(argb, true));
        double width = align == Align.LEFT ? 0 : textWidth(text, fontSize);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - width / 2;
            case RIGHT -> x - width;
        };
        graphics.drawString(text, (float) left, (float) baseline);
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        graphics.setClip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void unclip() {
        graphics.setClip(initialClip);
    }

    private Font font(double size) {
        return fonts.computeIfAbsent(size, s -> new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(s.floatValue()));
    }
}
