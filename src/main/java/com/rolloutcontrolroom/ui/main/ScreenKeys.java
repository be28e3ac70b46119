package com.rolloutcontrolroom.ui.main;

import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCombination;

/** F5 and Ctrl+R act through the current screen's own button, so they do what a click does, and nothing when it is disabled. */
final class ScreenKeys {

    private ScreenKeys() {
    }

    /** The button the key stands for on this screen, whether or not it may be pressed now. */
    static Optional<ButtonBase> target(Node screenRoot, KeyCombination keys) {
        if (screenRoot == null) {
            return Optional.empty();
        }
        for (String id : Shortcuts.firedButtons(keys)) {
            if (screenRoot.lookup("#" + id) instanceof ButtonBase button) {
                return Optional.of(button);
            }
        }
        return Optional.empty();
    }

    /** Presses the button if a click could: shown and enabled. */
    static void fire(Node screenRoot, KeyCombination keys) {
        target(screenRoot, keys).filter(ScreenKeys::clickable).ifPresent(ButtonBase::fire);
    }

    private static boolean clickable(ButtonBase button) {
        if (button.isDisabled()) {
            return false;
        }
        for (Node node = button; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
