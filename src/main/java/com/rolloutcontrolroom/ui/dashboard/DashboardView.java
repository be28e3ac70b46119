package com.rolloutcontrolroom.ui.dashboard;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;

import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.ui.chart.RateChart;

/** Binds the cutover dashboard to {@link DashboardViewModel}; lists of sentences become labels, nothing else is decided here. */
public final class DashboardView {

    private final DashboardViewModel viewModel;

    @FXML private Label title;
    @FXML private Label database;
    @FXML private SegmentedButton rangeSwitch;
    @FXML private ToggleButton rangeThisPhase;
    @FXML private ToggleButton rangeWhole;
    @FXML private ToggleButton rangeMinutes;
    @FXML private ToggleSwitch autoRefresh;
    @FXML private ProgressIndicator busy;
    @FXML private Button refresh;
    @FXML private Button runNow;
    @FXML private Label empty;
    @FXML private VBox content;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Button cancel;
    @FXML private VBox gateCard;
    @FXML private Label gateTitle;
    @FXML private Label gate;
    @FXML private VBox gateReasons;
    @FXML private Label nextCheckpoint;
    @FXML private Label countdown;
    @FXML private VBox callouts;
    @FXML private FlowPane phaseStrip;
    @FXML private RateChart successChart;
    @FXML private RateChart reviewChart;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private TableView<HealthCheckRow> table;
    @FXML private TableColumn<HealthCheckRow, String> eventTypeColumn;
    @FXML private TableColumn<HealthCheckRow, Long> totalColumn;
    @FXML private TableColumn<HealthCheckRow, BigDecimal> successColumn;
    @FXML private Label snapshot;

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.titleProperty());
        database.textProperty().bind(viewModel.databaseProperty());
        empty.textProperty().bind(viewModel.emptyTextProperty());
        showWhen(empty, viewModel.noRolloutProperty());
        showWhen(content, viewModel.noRolloutProperty().not());
        autoRefresh.selectedProperty().bindBidirectional(viewModel.autoRefreshProperty());
        busy.visibleProperty().bind(viewModel.busyProperty());
        runNow.disableProperty().bind(viewModel.runningProperty().or(viewModel.noRolloutProperty()));
        showWhen(progressRow, viewModel.runningProperty());
        progress.progressProperty().bind(viewModel.runProgressProperty());
        progressText.textProperty().bind(viewModel.runProgressTextProperty());
        bindRange();
        bindGate();
        nextCheckpoint.textProperty().bind(viewModel.nextCheckpointProperty());
        countdown.textProperty().bind(viewModel.countdownProperty());
        sentences(callouts, viewModel.callouts(), "warning-text");
        PhaseStrip.bind(phaseStrip, viewModel.phases());
        successChart.modelProperty().bind(viewModel.successChartProperty());
        reviewChart.modelProperty().bind(viewModel.reviewChartProperty());
        successChart.chartStyleProperty().bind(viewModel.chartStyleProperty());
        reviewChart.chartStyleProperty().bind(viewModel.chartStyleProperty());
        successChart.sceneProperty().addListener((obs, old, scene) -> followTheme(scene));
        status.textProperty().bind(viewModel.statusProperty());
        error.textProperty().bind(viewModel.errorProperty());
        showWhen(error, viewModel.errorProperty().isNotEmpty());
        eventTypeColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().eventType()));
        totalColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().total()));
        successColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().successPct()));
        table.setItems(viewModel.rows());
        snapshot.textProperty().bind(viewModel.snapshotProperty());
    }

    private void bindRange() {
        Map<ToggleButton, ChartRange> ranges = Map.of(rangeThisPhase, ChartRange.THIS_PHASE, rangeWhole, ChartRange.WHOLE_ROLLOUT,
                rangeMinutes, ChartRange.LAST_6H_BY_MINUTE);
        ranges.forEach((button, range) -> button.setSelected(viewModel.rangeProperty().get() == range));
        rangeSwitch.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one range is always chosen
            } else {
                viewModel.rangeProperty().set(ranges.get((ToggleButton) now));
            }
        });
    }

    private void bindGate() {
        gateTitle.textProperty().bind(viewModel.gateTitleProperty());
        gate.textProperty().bind(viewModel.gateWordProperty());
        sentences(gateReasons, viewModel.gateReasons(), "gate-reason");
        viewModel.gateResultProperty().addListener((obs, old, now) -> styleGate(now));
        styleGate(viewModel.gateResultProperty().get());
    }

    private void styleGate(GateResult result) {
        gateCard.getStyleClass().removeIf(style -> style.startsWith("gate-is-"));
        if (result != null) {
            gateCard.getStyleClass().add("gate-is-" + result.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** The charts paint their own canvas: give them the window's theme, which lives on the scene's root. */
    private void followTheme(Scene scene) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        Runnable apply = () -> viewModel.darkThemeProperty().set(scene.getRoot().getStyleClass().contains("theme-dark"));
        scene.getRoot().getStyleClass().addListener((ListChangeListener<String>) change -> apply.run());
        apply.run();
    }

    private static void sentences(VBox box, ObservableList<String> lines, String styleClass) {
        Runnable redraw = () -> box.getChildren().setAll(lines.stream().map(line -> {
            Label label = new Label(line);
            label.setWrapText(true);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            label.getStyleClass().add(styleClass);
            return label;
        }).toList());
        lines.addListener((ListChangeListener<String>) change -> redraw.run());
        redraw.run();
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void runNow() {
        viewModel.runNow();
    }

    @FXML
    private void cancel() {
        viewModel.cancelRun();
    }

    @FXML
    private void exportSuccess() {
        viewModel.exportSuccessChart();
    }

    @FXML
    private void exportReview() {
        viewModel.exportReviewChart();
    }
}
