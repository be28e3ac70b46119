package com.rolloutcontrolroom.services.chart;

import com.rolloutcontrolroom.services.chart.ChartPen.Align;

/** The grid, the value axis in percent and the UTC time axis under the checkpoint strip. */
final class ChartAxes {

    private final ChartPen pen;

    ChartAxes(ChartPen pen) {
        this.pen = pen;
    }

    void paint(ChartModel model, ChartStyle style, ChartGeometry at) {
        ValueTicks values = ValueTicks.of(model.yMin(), model.yMax());
        for (double value : values.values()) {
            double y = at.yOf(value);
            pen.strokeLine(at.plotLeft(), y, at.plotRight(), y, style.grid(), 1, false);
            pen.text(values.label(value), at.plotLeft() - 6, y + style.fontSize() * 0.35, Align.RIGHT, style.text(), style.fontSize());
        }
        double baseline = at.stripBottom() + style.fontSize() + 1;
        for (TimeTicks.Tick tick : TimeTicks.fitting(model.from(), model.until(), at.plotRight() - at.plotLeft(), pen, style.fontSize())) {
            double x = at.xOf(tick.at());
            pen.strokeLine(x, at.plotTop(), x, at.plotBottom(), style.grid(), 1, false);
            // centred on the tick, but kept inside the chart at both ends
            double half = pen.textWidth(tick.label(), style.fontSize()) / 2;
            double centre = Math.max(half + 1, Math.min(at.width() - half - 1, x));
            pen.text(tick.label(), centre, baseline, Align.CENTER, style.text(), style.fontSize());
        }
        pen.strokeLine(at.plotLeft(), at.plotBottom(), at.plotRight(), at.plotBottom(), style.text(), 1, false);
        pen.strokeLine(at.plotLeft(), at.plotTop(), at.plotLeft(), at.plotBottom(), style.text(), 1, false);
    }
}
