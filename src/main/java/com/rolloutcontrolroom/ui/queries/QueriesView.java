package com.rolloutcontrolroom.ui.queries;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds the run controls, summary and result tabs of the Queries screen to {@link QueriesViewModel}. */
public final class QueriesView {

    private final QueriesViewModel viewModel;

    @FXML private ChoiceBox<String> environment;
    @FXML private Button runQuick;
    @FXML private Button runFull;
    @FXML private Button cancel;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Label summary;
    @FXML private HBox metrics;
    @FXML private Label recorded;
    @FXML private Label error;
    @FXML private Label exportMessage;
    @FXML private Label exportError;
    @FXML private Button exportCsv;
    @FXML private Button exportJson;
    @FXML private TabPane results;
    @FXML private Label noResults;
    @FXML private VBox indexAdviceBox;
    @FXML private Label indexAdvice;
    @FXML private TextField indexStatement;

    public QueriesView(QueriesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        environment.setItems(viewModel.environments());
        environment.valueProperty().bindBidirectional(viewModel.environmentProperty());
        environment.disableProperty().bind(viewModel.runningProperty());
        // the screen is kept between visits: pick up environments added in Settings meanwhile
        environment.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                viewModel.refreshEnvironments();
            }
        });
        runQuick.disableProperty().bind(viewModel.canRunBinding().not());
        runFull.disableProperty().bind(viewModel.canRunBinding().not());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        progress.progressProperty().bind(viewModel.progressProperty());
        progressText.textProperty().bind(viewModel.progressTextProperty());
        progressBox.visibleProperty().bind(viewModel.progressTextProperty().isNotEmpty());
        summary.textProperty().bind(viewModel.summaryProperty());
        bindMessage(recorded, viewModel.recordedProperty());
        bindMessage(error, viewModel.errorProperty());
        bindMessage(exportMessage, viewModel.exportMessageProperty());
        bindMessage(exportError, viewModel.exportErrorProperty());
        exportCsv.disableProperty().bind(viewModel.canExportBinding().not());
        exportJson.disableProperty().bind(viewModel.canExportBinding().not());
        viewModel.metrics().addListener((ListChangeListener<String>) change -> showMetrics());
        viewModel.results().addListener((ListChangeListener<ResultTable>) change -> showResults());
        noResults.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.results()));
        // one line: a headline, the statement (selectable, copyable), the whole sentence in the tooltip
        indexAdvice.textProperty().bind(viewModel.indexAdviceProperty());
        Tooltip adviceTip = new Tooltip();
        adviceTip.textProperty().bind(viewModel.indexAdviceDetailProperty());
        adviceTip.setWrapText(true);
        adviceTip.setMaxWidth(600);
        indexAdvice.setTooltip(adviceTip);
        indexStatement.textProperty().bind(viewModel.indexStatementProperty());
        Tooltip statementTip = new Tooltip();
        statementTip.textProperty().bind(viewModel.indexStatementProperty());
        indexStatement.setTooltip(statementTip);
        indexAdviceBox.visibleProperty().bind(viewModel.indexAdviceProperty().isNotEmpty());
        indexAdviceBox.managedProperty().bind(indexAdviceBox.visibleProperty());
        showMetrics();
        showResults();
        viewModel.start();
    }

    @FXML private void runQuickCheck() { viewModel.runQuickCheck(); }
    @FXML private void runFullSuite() { viewModel.runFullSuite(); }
    @FXML private void cancel() { viewModel.cancel(); }
    @FXML private void exportCsv() { viewModel.exportCsv(); }
    @FXML private void exportJson() { viewModel.exportJson(); }
    @FXML private void copyIndexStatement() { viewModel.copyIndexStatement(); }

    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void showMetrics() {
        metrics.getChildren().setAll(viewModel.metrics().stream().map(line -> {
            Label label = new Label(line);
            label.getStyleClass().add("metric-value");
            return label;
        }).toList());
    }

    private void showResults() {
        results.getTabs().setAll(viewModel.results().stream().map(QueriesView::tab).toList());
    }

    /**
     * A tab's table is built when the tab is first shown: a suite has a dozen results, and styling and laying out
     * every table at once stalled the FX thread for most of a second as a run ended (the pulse-gap benchmark).
     */
    private static Tab tab(ResultTable result) {
        Tab tab = new Tab(result.title());
        tab.setId("result-" + result.queryName());
        if (result.failed()) {
            tab.getStyleClass().add("outcome-error");
        }
        if (tab.isSelected()) {
            tab.setContent(content(result));
        }
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content(result));
            }
        });
        return tab;
    }

    private static javafx.scene.Node content(ResultTable result) {
        if (result.failed()) {
            Label sentence = new Label(result.error());
            sentence.getStyleClass().addAll("danger-text", "outcome-sentence");
            sentence.setWrapText(true);
            return sentence;
        }
        return table(result);
    }

    /** Columns come from the query's own result, so they are built per outcome. */
    private static TableView<java.util.List<String>> table(ResultTable result) {
        TableView<java.util.List<String>> table = new TableView<>();
        table.setPlaceholder(new Label("No rows."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (int i = 0; i < result.columns().size(); i++) {
            int column = i;
            TableColumn<java.util.List<String>, String> tableColumn = new TableColumn<>(result.columns().get(column));
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(column)));
            tableColumn.setPrefWidth(160);
            if (result.numeric().get(column)) {
                tableColumn.getStyleClass().add("numeric");
            }
            table.getColumns().add(tableColumn);
        }
        table.getItems().setAll(result.rows());
        return table;
    }
}
