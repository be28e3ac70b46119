package com.rolloutcontrolroom.ui.main;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The header's rollout chooser: a menu of the rollouts, the current one checked, the button saying the current
 * one (or the prompt while there is none). A menu, not a ComboBox: a ComboBox's skin builds and styles its list (a
 * ListView with its scroll bars) in the window's first frame, about a tenth of that frame's work; a menu is built
 * when it opens.
 */
final class RolloutMenu {

    private final MenuButton button;
    private final ObservableList<String> rollouts;
    private final StringProperty current;
    private final StringExpression prompt;
    private final ToggleGroup choice = new ToggleGroup();

    private RolloutMenu(MenuButton button, ObservableList<String> rollouts, StringProperty current, StringExpression prompt) {
        this.button = button;
        this.rollouts = rollouts;
        this.current = current;
        this.prompt = prompt;
    }

    /**
     * @param current  set when a rollout is chosen
     * @param prompt   what the button and the empty menu say while there is no current rollout
     * @param onOpen   run as the menu opens (the rollouts are read again: one may have been created elsewhere)
     */
    static void bind(MenuButton button, ObservableList<String> rollouts, StringProperty current, StringExpression prompt,
                     Runnable onOpen) {
        RolloutMenu menu = new RolloutMenu(button, rollouts, current, prompt);
        button.textProperty().bind(Bindings.when(current.isNotNull()).then(current).otherwise(prompt));
        button.setOnShowing(event -> onOpen.run());
        rollouts.addListener((ListChangeListener<String>) change -> menu.fill());
        current.addListener((obs, old, now) -> menu.markCurrent());
        menu.fill();
    }

    /** Rebuilt only when the names change: they are read again each time the menu opens. */
    private void fill() {
        List<String> shown = button.getItems().stream()
                .filter(RadioMenuItem.class::isInstance).map(MenuItem::getText).toList();
        if (!shown.isEmpty() && shown.equals(rollouts)) {
            return;
        }
        List<MenuItem> items = new ArrayList<>();
        for (String rollout : rollouts) {
            RadioMenuItem item = new RadioMenuItem(rollout);
            item.setMnemonicParsing(false);
            item.setToggleGroup(choice);
            item.setOnAction(event -> current.set(rollout));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem();
            none.textProperty().bind(prompt);
            none.setDisable(true);
            items.add(none);
        }
        button.getItems().setAll(items);
        markCurrent();
    }

    private void markCurrent() {
        for (MenuItem item : button.getItems()) {
            if (item instanceof RadioMenuItem rollout) {
                rollout.setSelected(rollout.getText().equals(current.get()));
            }
        }
    }
}
