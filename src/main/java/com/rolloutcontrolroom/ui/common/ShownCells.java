package com.rolloutcontrolroom.ui.common;

import java.util.function.Function;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.StringConverter;

/** Cells whose text passes {@link PresentationMode#shown(String)}, re-rendered when the mode changes. */
public final class ShownCells {

    private ShownCells() {
    }

    public static <T> void list(ListView<T> list, Function<T, String> text, PresentationMode presentation) {
        list.setCellFactory(view -> cell(text, presentation));
        presentation.redactorInUseProperty().addListener((obs, old, now) -> list.refresh());
    }

    public static <T> void comboBox(ComboBox<T> box, Function<T, String> text, PresentationMode presentation) {
        box.setCellFactory(view -> cell(text, presentation));
        box.setButtonCell(cell(text, presentation));
        box.setConverter(new StringConverter<>() {
            @Override public String toString(T item) { return item == null ? null : presentation.shown(text.apply(item)); }
            @Override public T fromString(String string) { return null; }
        });
        presentation.redactorInUseProperty().addListener((obs, old, now) -> {
            box.setButtonCell(cell(text, presentation));
        });
    }

    /** Every column of the table shows its values through the mode; a column's own cell factory is kept otherwise. */
    public static <S, T> void column(TableColumn<S, T> column, PresentationMode presentation) {
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : presentation.shown(String.valueOf(item)));
            }
        });
        presentation.redactorInUseProperty().addListener((obs, old, now) -> {
            if (column.getTableView() != null) {
                column.getTableView().refresh();
            }
        });
    }

    private static <T> ListCell<T> cell(Function<T, String> text, PresentationMode presentation) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : presentation.shown(text.apply(item)));
            }
        };
    }
}
