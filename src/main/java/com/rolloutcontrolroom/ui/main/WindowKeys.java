package com.rolloutcontrolroom.ui.main;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Puts the catalogue's keys on the window's scene: screens, help, presentation mode, theme, and the current screen's F5 and Ctrl+R. */
final class WindowKeys {

    private final MainViewModel viewModel;
    private final Supplier<Node> currentScreen;
    private final Runnable presentationToggle;
    private final ShortcutHelpDialog help = new ShortcutHelpDialog();

    WindowKeys(MainViewModel viewModel, Supplier<Node> currentScreen, Runnable presentationToggle) {
        this.viewModel = viewModel;
        this.currentScreen = currentScreen;
        this.presentationToggle = presentationToggle;
    }

    void install(Scene scene) {
        // Ctrl+1 … Ctrl+5 (Cmd on macOS): switch screens without the mouse while presenting
        for (Screen screen : viewModel.screens()) {
            scene.getAccelerators().put(Shortcuts.screen(screen), () -> viewModel.navigateTo(screen));
        }
        scene.getAccelerators().put(Shortcuts.HELP, () -> showHelp(scene));
        scene.getAccelerators().put(Shortcuts.PRESENTATION, presentationToggle);
        scene.getAccelerators().put(Shortcuts.THEME, viewModel::toggleTheme);
        for (KeyCombination keys : Shortcuts.screenKeys()) {
            scene.getAccelerators().put(keys, () -> ScreenKeys.fire(currentScreen.get(), keys));
        }
        // a filter, so a table or list that swallows typed characters cannot hide "?"; text fields keep it
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (Shortcuts.HELP_CHARACTER.equals(event.getCharacter()) && !typingInto(scene.getFocusOwner())) {
                event.consume();
                showHelp(scene);
            }
        });
    }

    void showHelp(Scene scene) {
        help.show(scene.getWindow(), ShortcutHelp.read(scene, currentScreen.get(),
                viewModel.selectedScreenProperty().get().title()));
    }

    private static boolean typingInto(Node focused) {
        return focused instanceof TextInputControl || focused instanceof ComboBoxBase<?> box && box.isEditable();
    }
}
