package com.rolloutcontrolroom.ui.main;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/** The keyboard help: one two-column table, closed with Esc or Close; one at a time. */
final class ShortcutHelpDialog {

    static final String ID = "shortcut-help";

    private Dialog<Void> open;

    void show(Window owner, List<Shortcut> rows) {
        if (open != null && open.isShowing()) {
            open.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setResizable(true);
        DialogPane pane = dialog.getDialogPane();
        pane.setId(ID);
        pane.setHeaderText("Keys of this window and of the screen shown (F1 or ? shows them again)");
        pane.setContent(table(rows));
        // Close is a cancel button, so Esc closes the dialog too
        pane.getButtonTypes().setAll(ButtonType.CLOSE);
        lookLikeOwner(owner, pane);
        open = dialog;
        dialog.show();
    }

    private static TableView<Shortcut> table(List<Shortcut> rows) {
        TableView<Shortcut> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId(ID + "-table");
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().keys()));
        keys.setPrefWidth(150);
        TableColumn<Shortcut, String> does = new TableColumn<>("Does");
        does.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().where().equals(Shortcut.EVERYWHERE)
                ? cell.getValue().does() : cell.getValue().does() + " · " + cell.getValue().where()));
        does.setPrefWidth(460);
        table.getColumns().setAll(List.of(keys, does));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No keys found."));
        table.setPrefSize(640, 460);
        return table;
    }

    /** The app's stylesheet and theme class, so the help is dark when the window is. */
    private static void lookLikeOwner(Window owner, DialogPane pane) {
        Scene scene = owner == null ? null : owner.getScene();
        if (scene != null) {
            pane.getStylesheets().addAll(scene.getStylesheets());
            scene.getRoot().getStyleClass().stream().filter(style -> style.startsWith("theme-")).forEach(pane.getStyleClass()::add);
        }
    }
}
