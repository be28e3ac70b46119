package com.rolloutcontrolroom.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import com.rolloutcontrolroom.domain.metrics.HourlyRate;

/**
 * Draws one tile's hourly trend: the rate per hour (x = hours before the current hour) and the gate
 * as a dashed line. Each point's tooltip says what it was taken over. View-side code only.
 */
final class TrendChart {

    private final LineChart<Number, Number> chart;
    private final MetricTile tile;
    private final XYChart.Series<Number, Number> rate = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> gate = new XYChart.Series<>();

    private TrendChart(LineChart<Number, Number> chart, MetricTile tile) {
        this.chart = chart;
        this.tile = tile;
    }

    static void bind(LineChart<Number, Number> chart, MetricTile tile) {
        new TrendChart(chart, tile).install();
    }

    private void install() {
        chart.setTitle(tile.title() + " per hour, last 48 h");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        rate.setName(tile.title());
        gate.setName("Gate " + tile.gate().toPlainString() + " %");
        chart.getData().setAll(rate, gate);
        NumberAxis hours = (NumberAxis) chart.getXAxis();
        hours.setAutoRanging(false);
        hours.setLowerBound(-48);
        hours.setUpperBound(0);
        hours.setTickUnit(6);
        hours.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.intValue() == 0 ? "now" : value.intValue() + " h";
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        tile.trend().addListener((ListChangeListener<HourlyRate>) change -> redraw());
        redraw();
    }

    private void redraw() {
        List<HourlyRate> points = List.copyOf(tile.trend());
        // x = hours between the point's hour and the hour "now" falls in, so a quiet last hour stays visible as a gap
        Instant now = tile.trendUntil().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        rate.getData().setAll(points.stream().map(point -> point(point, now)).toList());
        double gateValue = tile.gate().doubleValue();
        gate.getData().setAll(new XYChart.Data<>(-48, gateValue), new XYChart.Data<>(0, gateValue));
    }

    private XYChart.Data<Number, Number> point(HourlyRate point, Instant latest) {
        long hoursBefore = Duration.between(point.hourStart(), latest).toHours();
        XYChart.Data<Number, Number> data = new XYChart.Data<>(-hoursBefore, point.rate().percent().orElseThrow().doubleValue());
        String text = tile.describe(point);
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
        return data;
    }
}
