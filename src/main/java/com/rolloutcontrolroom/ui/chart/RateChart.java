package com.rolloutcontrolroom.ui.chart;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

import com.rolloutcontrolroom.services.chart.ChartExport;
import com.rolloutcontrolroom.services.chart.ChartGeometry;
import com.rolloutcontrolroom.services.chart.ChartHover;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartPainter;
import com.rolloutcontrolroom.services.chart.ChartStyle;

/**
 * A rate chart on screen: one canvas painted from a {@link ChartModel}, downsampled to its pixel width,
 * no node per point and no animation; hovering shows the nearest point's words. Usable from FXML.
 *
 * <p>Changes only mark the chart dirty; it repaints in {@link #layoutChildren()}, so a model, a style and a
 * resize arriving in one pulse cost one paint.
 */
public class RateChart extends Region {

    private static final double HOVER_OFFSET = 14;

    private final ObjectProperty<ChartModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<ChartStyle> chartStyle = new SimpleObjectProperty<>(this, "chartStyle", ChartStyle.LIGHT);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Canvas canvas = new Canvas();
    private final ChartPainter painter = new ChartPainter(new FxChartPen(canvas.getGraphicsContext2D()));
    private final Label hover = new Label();
    private ChartGeometry geometry;
    private boolean dirty = true;
    private int paints;
    private double pointerX;
    private double pointerY;

    public RateChart() {
        getStyleClass().add("rate-chart");
        canvas.setManaged(false);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        hover.getStyleClass().add("rate-chart-hover");
        hover.textProperty().bind(hoverText);
        hover.visibleProperty().bind(hoverText.isNotEmpty());
        getChildren().addAll(canvas, hover);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        model.addListener((observable, old, now) -> changed());
        chartStyle.addListener((observable, old, now) -> changed());
        setOnMouseMoved(event -> hoverAt(event.getX(), event.getY()));
        setOnMouseExited(event -> hoverText.set(""));
        changed();
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

    public ChartStyle getChartStyle() {
        return chartStyle.get();
    }

    public void setChartStyle(ChartStyle value) {
        chartStyle.set(value == null ? ChartStyle.LIGHT : value);
    }

    /** The words of the point or checkpoint marker under the pointer; empty when it is over neither. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The layout of the last paint (where a value or an instant is on screen); empty before the first paint of a model. */
    public Optional<ChartGeometry> geometry() {
        return Optional.ofNullable(geometry);
    }

    /**
     * The chart as shown, as values: hand it to a background task, which writes it with
     * {@link ChartExport#writePng}. Reads nothing later, so nothing here blocks or races the FX thread.
     */
    public Optional<ChartExport> toExport() {
        ChartModel shown = model.get();
        if (shown == null) {
            return Optional.empty();
        }
        int width = (int) Math.max(320, Math.round(getWidth()));
        int height = (int) Math.max(160, Math.round(getHeight()));
        return Optional.of(new ChartExport(shown, chartStyle.get(), width, height));
    }

    /** Paints so far; tests use it to check that changes within one pulse coalesce. */
    int paintCount() {
        return paints;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 560;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 240;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 100;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            dirty = true;
        }
        if (dirty && width > 0 && height > 0) {
            paint(width, height);
        }
        placeHover(width, height);
    }

    private void changed() {
        dirty = true;
        geometry = null;
        hoverText.set("");
        applyHoverStyle(chartStyle.get());
        setAccessibleText(summary(model.get()));
        requestLayout();
    }

    private void paint(double width, double height) {
        dirty = false;
        paints++;
        ChartModel shown = model.get();
        if (shown == null) {
            painter.paintEmpty(chartStyle.get(), width, height);
            geometry = null;
        } else {
            geometry = painter.paint(shown, chartStyle.get(), width, height);
        }
    }

    private void hoverAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        ChartModel shown = model.get();
        hoverText.set(shown == null || geometry == null ? "" : ChartHover.describe(shown, geometry, x, y));
        requestLayout();
    }

    /** Beside the pointer, flipped to its left or above it where the chart's edge would cut it off. */
    private void placeHover(double width, double height) {
        if (hoverText.get().isEmpty()) {
            return;
        }
        hover.autosize();
        double x = pointerX + HOVER_OFFSET + hover.getWidth() <= width ? pointerX + HOVER_OFFSET : pointerX - HOVER_OFFSET - hover.getWidth();
        double y = pointerY + HOVER_OFFSET + hover.getHeight() <= height ? pointerY + HOVER_OFFSET : pointerY - HOVER_OFFSET - hover.getHeight();
        hover.relocate(Math.max(0, x), Math.max(0, y));
    }

    /** The hover box takes the chart's own colours, so it follows the theme and presentation mode with the chart. */
    private void applyHoverStyle(ChartStyle style) {
        hover.setFont(Font.font(style.fontSize()));
        hover.setTextFill(FxChartPen.color(style.text()));
        hover.setPadding(new Insets(4, 8, 4, 8));
        hover.setBackground(new Background(new BackgroundFill(FxChartPen.color(style.background()), new CornerRadii(4), Insets.EMPTY)));
        hover.setBorder(new Border(new BorderStroke(FxChartPen.color(style.grid()), BorderStrokeStyle.SOLID, new CornerRadii(4),
                BorderWidths.DEFAULT)));
    }

    private static String summary(ChartModel shown) {
        if (shown == null) {
            return "Rate chart. " + ChartPainter.NO_DATA + ".";
        }
        List<ChartPoint> points = shown.points();
        return points.isEmpty()
                ? shown.title() + ". " + ChartPainter.NO_DATA + "."
                : shown.title() + ". Latest: " + points.get(points.size() - 1).describe() + ".";
    }
}
