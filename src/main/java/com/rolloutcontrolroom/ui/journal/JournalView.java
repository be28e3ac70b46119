package com.rolloutcontrolroom.ui.journal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.kordamp.ikonli.javafx.FontIcon;

import com.rolloutcontrolroom.ui.journal.JournalViewModel.OpenForm;
import com.rolloutcontrolroom.ui.common.ShownCells;
import com.rolloutcontrolroom.ui.common.PresentationMode;

/** Binds the journal table, chain status, filters, details and forms to {@link JournalViewModel}. */
public final class JournalView {

    private static final String CHAIN_INTACT = "chain-intact";
    private static final String CHAIN_BROKEN = "chain-broken";

    private final JournalViewModel viewModel;
    private final ToggleGroup kindGroup = new ToggleGroup();

    @FXML private VBox root;
    @FXML private Label rollout;
    @FXML private ProgressIndicator progress;
    @FXML private Button verify;
    @FXML private Button addRollback;
    @FXML private Button logIssue;
    @FXML private Button recordTestOutcome;
    @FXML private HBox chainBar;
    @FXML private FontIcon chainIcon;
    @FXML private Label chainStatus;
    @FXML private Button copyHead;
    @FXML private Label readOnlyBanner;
    @FXML private Label error;
    @FXML private HBox kindChips;
    @FXML private TextField search;
    @FXML private TableView<JournalRow> table;
    @FXML private TableColumn<JournalRow, Long> idColumn;
    @FXML private TableColumn<JournalRow, String> recordedAtColumn;
    @FXML private TableColumn<JournalRow, String> kindColumn;
    @FXML private TableColumn<JournalRow, String> environmentColumn;
    @FXML private TableColumn<JournalRow, String> operatorColumn;
    @FXML private TableColumn<JournalRow, String> summaryColumn;
    @FXML private Label shownCount;
    @FXML private VBox detailsPane;
    @FXML private Button correct;
    @FXML private TextArea details;
    @FXML private VBox rowsSection;
    @FXML private ChoiceBox<QueryRows> rowsQuery;
    @FXML private Label rowsError;
    @FXML private TableView<List<String>> rowsTable;
    @FXML private Node rollbackForm;
    @FXML private Node issueForm;
    @FXML private Node testOutcomeForm;

    public JournalView(JournalViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        rollout.textProperty().bind(viewModel.subtitleProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        verify.disableProperty().bind(viewModel.busyProperty());
        addRollback.disableProperty().bind(viewModel.canAddProperty().not());
        logIssue.disableProperty().bind(viewModel.canAddProperty().not());
        recordTestOutcome.disableProperty().bind(viewModel.canAddProperty().not());
        correct.disableProperty().bind(viewModel.canCorrectProperty().not());
        bindChainStatus();
        showWhenNotEmpty(readOnlyBanner, viewModel.readOnlyMessageProperty());
        showWhenNotEmpty(error, viewModel.errorProperty());
        for (KindFilter filter : viewModel.kindFilters()) {
            kindChips.getChildren().add(kindChip(filter));
        }
        // a chip clicked twice would leave no kind chosen; keep the current one lit
        kindGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        column(idColumn, JournalRow::id);
        column(recordedAtColumn, JournalRow::recordedAt);
        column(kindColumn, JournalRow::kind);
        column(environmentColumn, JournalRow::environment);
        column(operatorColumn, JournalRow::operator);
        column(summaryColumn, JournalRow::summary);
        for (TableColumn<JournalRow, String> shown : List.of(recordedAtColumn, kindColumn, environmentColumn, operatorColumn)) {
            ShownCells.column(shown, viewModel.presentation());
        }
        summaryColumn.setCellFactory(column -> new SummaryCell(viewModel.presentation()));
        table.setItems(viewModel.rows());
        bindSelection();
        shownCount.textProperty().bind(viewModel.shownCountProperty());
        details.textProperty().bind(viewModel.detailsProperty());
        bindSnapshotRows(viewModel.snapshotRows());
        detailsPane.visibleProperty().bind(viewModel.openFormProperty().isEqualTo(OpenForm.NONE));
        rollbackForm.visibleProperty().bind(viewModel.openFormProperty().isEqualTo(OpenForm.ROLLBACK));
        issueForm.visibleProperty().bind(viewModel.openFormProperty().isEqualTo(OpenForm.ISSUE));
        testOutcomeForm.visibleProperty().bind(viewModel.openFormProperty().isEqualTo(OpenForm.TEST_OUTCOME));
        // the screen is kept between visits; read the journal again each time it is shown
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.reload();
            }
        });
    }

    private void bindSnapshotRows(SnapshotRows rows) {
        rowsSection.visibleProperty().bind(rows.presentBinding());
        rowsSection.managedProperty().bind(rowsSection.visibleProperty());
        rowsQuery.setItems(rows.queries());
        rowsQuery.valueProperty().bindBidirectional(rows.chosenProperty());
        rows.chosenProperty().addListener((obs, old, query) -> showRows(query));
        showRows(rows.chosenProperty().get());
    }

    private void showRows(QueryRows query) {
        QueryRowsTable.show(rowsTable, query);
        rowsError.setText(query == null ? "" : query.error());
        rowsError.setVisible(!rowsError.getText().isEmpty());
        rowsError.setManaged(rowsError.isVisible());
    }

    private void bindChainStatus() {
        chainStatus.textProperty().bind(viewModel.chainStatusProperty());
        copyHead.disableProperty().bind(viewModel.headProperty().isEmpty());
        Tooltip fullHead = new Tooltip();
        fullHead.textProperty().bind(Bindings.concat("Copy ", viewModel.headProperty(),
                " to the clipboard, for journal verify --expect"));
        copyHead.setTooltip(fullHead);
        viewModel.chainIntactProperty().addListener((obs, old, intact) -> decorateChain(intact));
        decorateChain(viewModel.chainIntactProperty().get());
    }

    private void decorateChain(boolean intact) {
        chainBar.getStyleClass().removeAll(CHAIN_INTACT, CHAIN_BROKEN);
        chainBar.getStyleClass().add(intact ? CHAIN_INTACT : CHAIN_BROKEN);
        chainIcon.setIconLiteral(intact ? "mdi2l-link-variant" : "mdi2l-link-variant-off");
    }

    private void bindSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.selectedProperty().set(row));
        viewModel.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
    }

    private ToggleButton kindChip(KindFilter filter) {
        ToggleButton chip = new ToggleButton(filter.label());
        chip.setId("journal-kind-" + filter.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        chip.getStyleClass().add("kind-chip");
        chip.setToggleGroup(kindGroup);
        chip.setSelected(viewModel.kindFilterProperty().get() == filter);
        chip.setUserData(filter);
        chip.setOnAction(event -> viewModel.kindFilterProperty().set(filter));
        return chip;
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static <T> void column(TableColumn<JournalRow, T> column, Function<JournalRow, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null : value.apply(cell.getValue())));
    }

    /** Summaries wrap within the column, so a narrow window shows them whole on two or three lines. */
    private static final class SummaryCell extends TableCell<JournalRow, String> {
        private final Text text = new Text();
        private final PresentationMode presentation;

        SummaryCell(PresentationMode presentation) {
            this.presentation = presentation;
            text.getStyleClass().add("summary-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(16));
            setGraphic(text);
            setText(null);
        }

        @Override
        protected void updateItem(String summary, boolean empty) {
            super.updateItem(summary, empty);
            String shown = empty || summary == null ? null : presentation.shown(summary);
            text.setText(shown == null ? "" : shown);
            setTooltip(shown == null ? null : new Tooltip(shown));
        }
    }

    @FXML
    private void copyHead() {
        viewModel.copyHead();
    }

    @FXML
    private void verify() {
        viewModel.reload();
    }

    @FXML
    private void addRollback() {
        viewModel.addRollback();
    }

    @FXML
    private void logIssue() {
        viewModel.logIssue();
    }

    @FXML
    private void recordTestOutcome() {
        viewModel.recordTestOutcome();
    }

    @FXML
    private void correct() {
        viewModel.correctSelected();
    }
}
