package com.rolloutcontrolroom.ui.dashboard;

import java.math.BigDecimal;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;

import org.controlsfx.control.ToggleSwitch;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

import com.rolloutcontrolroom.domain.metrics.MetricWindow;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;

/** Binds the health check table, progress and status to {@link DashboardViewModel}. */
public final class DashboardView {

    private final DashboardViewModel viewModel;

    @FXML private Label title;
    @FXML private Label database;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private Label roleWarning;
    @FXML private Button refresh;
    @FXML private ProgressIndicator progress;
    @FXML private TableView<HealthCheckRow> table;
    @FXML private TableColumn<HealthCheckRow, String> eventTypeColumn;
    @FXML private TableColumn<HealthCheckRow, Long> totalColumn;
    @FXML private TableColumn<HealthCheckRow, BigDecimal> successColumn;
    @FXML private TextArea sql;
    @FXML private Label successTitle;
    @FXML private Label successValue;
    @FXML private Label successDetail;
    @FXML private Label reviewTitle;
    @FXML private Label reviewValue;
    @FXML private Label reviewDetail;
    @FXML private LineChart<Number, Number> successChart;
    @FXML private ToggleSwitch autoRefresh;
    @FXML private ChoiceBox<String> environment;
    @FXML private HBox verdictBox;
    @FXML private Label verdict;
    @FXML private Label verdictReasons;
    @FXML private LineChart<Number, Number> reviewChart;

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        title.setText("Coordinator health — " + MetricWindow.LAST_IN_WORDS);
        database.textProperty().bind(viewModel.databaseProperty());
        status.textProperty().bind(viewModel.statusProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        roleWarning.textProperty().bind(viewModel.roleWarningProperty());
        roleWarning.visibleProperty().bind(viewModel.roleWarningProperty().isNotEmpty());
        roleWarning.managedProperty().bind(roleWarning.visibleProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        refresh.disableProperty().bind(viewModel.busyProperty());
        eventTypeColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().eventType()));
        totalColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().total()));
        successColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().successPct()));
        table.setItems(viewModel.rows());
        sql.setText(viewModel.sql());
        successTitle.setText(viewModel.successRate().title());
        successValue.textProperty().bind(viewModel.successRate().valueProperty());
        successDetail.textProperty().bind(viewModel.successRate().detailProperty());
        reviewTitle.setText(viewModel.manualReviewRate().title());
        reviewValue.textProperty().bind(viewModel.manualReviewRate().valueProperty());
        reviewDetail.textProperty().bind(viewModel.manualReviewRate().detailProperty());
        autoRefresh.selectedProperty().bindBidirectional(viewModel.autoRefreshProperty());
        environment.setItems(viewModel.environments());
        environment.valueProperty().bindBidirectional(viewModel.environmentProperty());
        // the screen is kept between visits: pick up environments added in Settings meanwhile
        environment.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                viewModel.refreshEnvironments();
            }
        });
        bindVerdict();
        TrendChart.bind(successChart, viewModel.successRate());
        TrendChart.bind(reviewChart, viewModel.manualReviewRate());
    }

    private void bindVerdict() {
        verdictBox.visibleProperty().bind(viewModel.verdictProperty().isNotNull());
        verdictBox.managedProperty().bind(verdictBox.visibleProperty());
        verdict.textProperty().bind(Bindings.createStringBinding(() -> viewModel.verdictProperty().get() == null ? ""
                : viewModel.verdictProperty().get().name().replace('_', ' ') + " · " + MetricWindow.LAST, viewModel.verdictProperty()));
        verdictReasons.textProperty().bind(viewModel.verdictReasonsProperty());
        viewModel.verdictProperty().addListener((obs, old, now) -> {
            verdictBox.getStyleClass().removeIf(style -> style.startsWith("verdict-is-"));
            if (now != null) {
                verdictBox.getStyleClass().add("verdict-is-" + now.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
        });
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }
}
