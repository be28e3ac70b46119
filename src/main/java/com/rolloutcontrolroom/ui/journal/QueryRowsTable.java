package com.rolloutcontrolroom.ui.journal;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Fills a table with one query's recorded rows. The columns come from the query's own result, so
 * they are built per query; each is as wide as its widest text (within bounds) and the table
 * scrolls sideways rather than squeezing a wide result into unreadable slivers.
 */
final class QueryRowsTable {

    private static final double CHAR_WIDTH = 8.5;
    private static final double MIN_WIDTH = 56;
    private static final double MAX_WIDTH = 320;

    private QueryRowsTable() {
    }

    static void show(TableView<List<String>> table, QueryRows query) {
        table.getColumns().clear();
        if (query == null) {
            table.getItems().clear();
            return;
        }
        for (int i = 0; i < query.columns().size(); i++) {
            int column = i;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(query.columns().get(column));
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(column)));
            double width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, query.widestText(column) * CHAR_WIDTH + 24));
            tableColumn.setPrefWidth(width);
            tableColumn.setMinWidth(Math.min(width, 120));
            if (query.numeric().get(column)) {
                tableColumn.getStyleClass().add("numeric");
            }
            table.getColumns().add(tableColumn);
        }
        table.getItems().setAll(query.rows());
    }
}
