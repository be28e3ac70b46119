package com.rolloutcontrolroom.ui.dashboard;

import java.text.NumberFormat;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * One headline rate: the value large, and under it how many events it was taken over, so a rate
 * over three events never reads like one over three thousand. No events: "no data", not 0 %.
 */
public final class MetricTile {

    private final MetricKind metric;
    private final String threshold;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    MetricTile(MetricKind metric, String threshold) {
        this.metric = metric;
        this.threshold = threshold;
        detail.set("last 6 h · " + threshold);
    }

    void show(Rate rate) {
        if (rate == null || !rate.hasData()) {
            value.set("no data");
            detail.set("no " + metric.unit() + " in the last 6 h · " + threshold);
            return;
        }
        value.set(rate.percent().orElseThrow().toPlainString() + " %");
        detail.set("of " + NumberFormat.getIntegerInstance(Locale.ROOT).format(rate.total()) + " " + metric.unit()
                + " · last 6 h · " + threshold);
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
