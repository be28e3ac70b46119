package com.rolloutcontrolroom.ui.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.metrics.MetricWindow;
import com.rolloutcontrolroom.domain.metrics.HourlyRate;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * One headline rate: the value large, and under it how many events it was taken over, so a rate
 * over three events never reads like one over three thousand. No events: "no data", not 0 %.
 */
public final class MetricTile {

    private final MetricKind metric;
    private final String threshold;
    private final BigDecimal gate;
    private final ObservableList<HourlyRate> trend = FXCollections.observableArrayList();
    private Instant trendUntil = Instant.EPOCH;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    MetricTile(MetricKind metric, String threshold, BigDecimal gate) {
        this.metric = metric;
        this.threshold = threshold;
        this.gate = gate;
        detail.set(MetricWindow.LAST + " · " + threshold);
    }

    /** Back to the state before any data: used when the dashboard switches environment. */
    void reset() {
        value.set("…");
        detail.set(MetricWindow.LAST + " · " + threshold);
        trend.clear();
    }

    void show(Rate rate, List<HourlyRate> hourly, Instant until) {
        trendUntil = until;
        trend.setAll(hourly == null ? List.of() : hourly.stream().filter(point -> point.rate().hasData()).toList());
        show(rate);
    }

    private void show(Rate rate) {
        if (rate == null || !rate.hasData()) {
            value.set("no data");
            detail.set("no " + metric.unit() + " in the " + MetricWindow.LAST + " · " + threshold);
            return;
        }
        value.set(rate.percent().orElseThrow().toPlainString() + " %");
        detail.set("of " + NumberFormat.getIntegerInstance(Locale.ROOT).format(rate.total()) + " " + metric.unit()
                + " · " + MetricWindow.LAST + " · " + threshold);
    }

    /** The rate per UTC hour over the last 48 h; hours without events are left out, not drawn as 0 %. */
    public ObservableList<HourlyRate> trend() {
        return trend;
    }

    /** The end of the trend's window ("now" on the chart), so quiet last hours are not drawn as now. */
    public Instant trendUntil() {
        return trendUntil;
    }

    /** The threshold the gate judges against, drawn as a line on the chart. */
    public BigDecimal gate() {
        return gate;
    }

    /** "14:00 UTC: 98.50 % of 120 coordinator events", for a chart point's tooltip. */
    public String describe(HourlyRate point) {
        return DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'", Locale.ROOT).format(point.hourStart().atOffset(ZoneOffset.UTC))
                + ": " + point.rate().describe(metric.unit());
    }

    public String title() {
        return metric.title();
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
