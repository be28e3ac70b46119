package com.rolloutcontrolroom.ui.queries;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.rolloutcontrolroom.ui.common.FocusScroller;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.ShownCells;
import com.rolloutcontrolroom.domain.query.QueryParameter;

/** Binds the query list, the selected query's detail and "Add query file…" to {@link QueryCatalogViewModel}. */
public final class QueryCatalogView {

    private final QueryCatalogViewModel viewModel;

    @FXML private ListView<QueryListItem> queries;
    @FXML private Button addFile;
    @FXML private Label message;
    @FXML private Label problems;
    @FXML private Label title;
    @FXML private Label description;
    @FXML private TableView<QueryParameter> parameters;
    @FXML private TableColumn<QueryParameter, String> parameterName;
    @FXML private TableColumn<QueryParameter, String> parameterType;
    @FXML private TableColumn<QueryParameter, String> parameterDefault;
    @FXML private TextArea sql;
    @FXML private ScrollPane detailScroll;

    public QueryCatalogView(QueryCatalogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        queries.setItems(viewModel.items());
        queries.setCellFactory(list -> new QueryCell(viewModel.presentation()));
        viewModel.presentation().redactorInUseProperty().addListener((obs, old, now) -> queries.refresh());
        queries.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (!Objects.equals(queries.getSelectionModel().getSelectedItem(), now)) {
                queries.getSelectionModel().select(now);
                queries.scrollTo(now);
            }
        });
        queries.getSelectionModel().select(viewModel.selectedProperty().get());
        addFile.disableProperty().bind(viewModel.busyProperty());
        message.textProperty().bind(viewModel.messageProperty());
        showOnlyWhenSet(message);
        problems.textProperty().bind(viewModel.problemsTextProperty());
        showOnlyWhenSet(problems);
        title.textProperty().bind(viewModel.titleProperty());
        description.textProperty().bind(viewModel.descriptionProperty());
        sql.textProperty().bind(viewModel.sqlProperty());
        parameters.setItems(viewModel.parameters());
        parameterName.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        parameterType.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().type().label()));
        parameterDefault.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().defaultValue()));
        ShownCells.column(parameterName, viewModel.presentation());
        ShownCells.column(parameterDefault, viewModel.presentation());
        FocusScroller.install(detailScroll); // Tab into the parameters or the SQL brings them into view
    }

    @FXML private void addQueryFile() { viewModel.addQueryFile(); }

    private static void showOnlyWhenSet(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** A suite heading, or a query's name (tagged when it is a metric definition) over its description. */
    private static final class QueryCell extends ListCell<QueryListItem> {
        private final PresentationMode presentation;
        /** One per cell, its text set at each update: a cell is updated at every scroll, a tooltip is not cheap. */
        private final Tooltip wholeDescription = new Tooltip();

        QueryCell(PresentationMode presentation) {
            this.presentation = presentation;
        }

        @Override
        protected void updateItem(QueryListItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("query-group-cell");
            setText(null);
            setTooltip(null);
            if (empty || item == null) {
                setGraphic(null);
                setDisable(false);
                return;
            }
            if (item.isHeading()) {
                Label heading = new Label(presentation.shown(item.heading()).toUpperCase(java.util.Locale.ROOT));
                heading.getStyleClass().add("query-group");
                getStyleClass().add("query-group-cell");
                setGraphic(heading);
                setDisable(true); // a heading is not a query: it cannot be selected
                return;
            }
            setDisable(false);
            Label name = new Label(presentation.shown(item.query().name()));
            name.getStyleClass().add("query-name");
            HBox top = new HBox(8, name);
            if (item.isMetric()) {
                Label tag = new Label("metric");
                tag.getStyleClass().add("metric-tag");
                top.getChildren().add(tag);
            }
            String description = presentation.shown(item.query().description());
            Label text = new Label(description);
            text.getStyleClass().add("text-muted");
            // one line, cut at the list's width: the list is for picking a query, and on a 768-pixel screen wrapped
            // descriptions left room for one; the selected one's whole description is in the detail, any one's here
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            text.setMinWidth(0);
            setGraphic(new VBox(2, top, text));
            wholeDescription.setText(description);
            setTooltip(wholeDescription);
        }
    }
}
