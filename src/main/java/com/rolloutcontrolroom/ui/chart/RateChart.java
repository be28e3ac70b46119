package com.rolloutcontrolroom.ui.chart;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Region;

import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartStyle;

/**
 * A rate chart on screen: one canvas painted from a {@link ChartModel}, downsampled to its pixel width,
 * no node per point and no animation; hovering shows the nearest point's words. Usable from FXML.
 */
public class RateChart extends Region {

    private final ObjectProperty<ChartModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<ChartStyle> chartStyle = new SimpleObjectProperty<>(this, "chartStyle", ChartStyle.LIGHT);

    public RateChart() {
        getStyleClass().add("rate-chart");
    }

    public ObjectProperty<ChartModel> modelProperty() {
        return model;
    }

    public ChartModel getModel() {
        return model.get();
    }

    public void setModel(ChartModel value) {
        model.set(value);
    }

    public ObjectProperty<ChartStyle> chartStyleProperty() {
        return chartStyle;
    }
}
