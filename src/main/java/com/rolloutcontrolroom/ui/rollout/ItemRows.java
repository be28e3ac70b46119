package com.rolloutcontrolroom.ui.rollout;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Keeps a box of check boxes equal to a list of {@link TickableItem}s: each box says who ticked it
 * and when, and whether the item was changed after its phase started. The rows are rebuilt from every
 * new state; the box that had the keyboard focus gets it back, so Space, Tab, Space works on.
 */
final class ItemRows {

    private ItemRows() {
    }

    /** @param prefix the id prefix, e.g. {@code rollout-next-checklist}: box i is {@code prefix-i} */
    /** @param shown the text as it may be shown (presentation mode); the rows are rebuilt when the mode changes */
    static void bind(VBox box, Node title, ObservableList<TickableItem> items, String prefix,
                     BiConsumer<TickableItem, Boolean> onTick, UnaryOperator<String> shown) {
        title.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(items));
        title.managedProperty().bind(title.visibleProperty());
        box.visibleProperty().bind(title.visibleProperty());
        box.managedProperty().bind(title.visibleProperty());
        items.addListener((ListChangeListener<TickableItem>) change -> rebuild(box, items, prefix, onTick, shown));
        rebuild(box, items, prefix, onTick, shown);
    }

    private static void rebuild(VBox box, List<TickableItem> items, String prefix, BiConsumer<TickableItem, Boolean> onTick,
                                UnaryOperator<String> shown) {
        String focusedId = box.getScene() == null || box.getScene().getFocusOwner() == null ? null
                : box.getScene().getFocusOwner().getId();
        box.getChildren().clear();
        for (int i = 0; i < items.size(); i++) {
            box.getChildren().add(row(items.get(i), prefix + "-" + i, onTick, shown));
        }
        if (focusedId != null && focusedId.startsWith(prefix + "-")) {
            Node again = box.lookup("#" + focusedId);
            if (again != null) {
                again.requestFocus();
            }
        }
    }

    private static Node row(TickableItem item, String id, BiConsumer<TickableItem, Boolean> onTick, UnaryOperator<String> shown) {
        CheckBox check = new CheckBox(shown.apply(item.text()));
        check.setId(id);
        check.setMnemonicParsing(false);
        check.setWrapText(true);
        check.setMaxWidth(Double.MAX_VALUE);
        check.setSelected(item.ticked());
        check.setOnAction(event -> onTick.accept(item, check.isSelected()));
        HBox details = new HBox(8);
        details.getStyleClass().add("item-details");
        if (item.changedAfterStart()) {
            Label badge = new Label("changed after the phase started");
            badge.setId(id + "-changed");
            badge.getStyleClass().add("changed-badge");
            badge.setMinWidth(Label.USE_PREF_SIZE);
            details.getChildren().add(badge);
        }
        if (!item.tickedLine().isEmpty()) {
            Label line = new Label(shown.apply(item.tickedLine()));
            line.setId(id + "-by");
            line.getStyleClass().add("tick-line");
            line.setWrapText(true);
            details.getChildren().add(line);
        }
        VBox row = new VBox(2, check);
        if (!details.getChildren().isEmpty()) {
            row.getChildren().add(details);
        }
        return row;
    }
}
