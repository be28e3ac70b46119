package com.rolloutcontrolroom.ui.main;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * What the keyboard does right now, read from the live scene: its accelerators (described by the
 * {@link Shortcuts} catalogue) and the mnemonics of the controls on screen. Read each time the help
 * opens, so it cannot fall behind a button that was added or renamed.
 */
public final class ShortcutHelp {

    private ShortcutHelp() {
    }

    /**
     * @param screenRoot  the current screen's view (its keys are listed under {@code screenTitle})
     * @param screenTitle e.g. "Rollout"
     */
    public static List<Shortcut> read(Scene scene, Node screenRoot, String screenTitle) {
        Set<Shortcut> rows = new LinkedHashSet<>(windowKeys(scene, screenRoot, screenTitle));
        List<Shortcut> mnemonics = new ArrayList<>();
        collectMnemonics(scene.getRoot(), screenRoot, screenTitle, false, mnemonics);
        mnemonics.sort(Comparator.comparing((Shortcut s) -> !s.where().equals(Shortcut.EVERYWHERE)).thenComparing(Shortcut::keys));
        rows.addAll(mnemonics);
        return List.copyOf(rows);
    }

    private static List<Shortcut> windowKeys(Scene scene, Node screenRoot, String screenTitle) {
        Set<String> registered = new LinkedHashSet<>();
        for (KeyCombination keys : scene.getAccelerators().keySet()) {
            registered.add(keys.getDisplayText());
        }
        List<Shortcut> rows = new ArrayList<>();
        for (Shortcut shortcut : Shortcuts.catalogue()) {
            Optional<KeyCombination> screenKey = Shortcuts.screenKeys().stream()
                    .filter(keys -> keys.getDisplayText().equals(shortcut.keys())).findFirst();
            if (screenKey.isPresent()) {
                // listed only where it does something, with the button it stands for
                ScreenKeys.target(screenRoot, screenKey.get()).ifPresent(button -> rows.add(new Shortcut(shortcut.keys(),
                        shortcut.does() + " (" + Mnemonics.withoutMarker(button.getText()) + ")", screenTitle)));
            } else if (shortcut.keys().equals("Esc") || registered.contains(shortcut.keys().split(" or ")[0])) {
                rows.add(shortcut);
            }
        }
        for (KeyCombination keys : scene.getAccelerators().keySet()) {
            if (Shortcuts.describing(keys).isEmpty()) {
                rows.add(new Shortcut(keys.getDisplayText(), "(not described yet)", Shortcut.EVERYWHERE));
            }
        }
        return rows;
    }

    private static void collectMnemonics(Node node, Node screenRoot, String screenTitle, boolean inScreen, List<Shortcut> rows) {
        boolean here = inScreen || node == screenRoot;
        String where = here ? screenTitle : Shortcut.EVERYWHERE;
        if (node instanceof Labeled labeled && labeled.isMnemonicParsing() && (labeled instanceof ButtonBase
                || labeled instanceof Label label && label.getLabelFor() != null)) {
            String words = Mnemonics.withoutMarker(labeled.getText() == null ? "" : labeled.getText());
            Mnemonics.keysOf(labeled.getText()).ifPresent(keys -> rows.add(new Shortcut(keys,
                    labeled instanceof Label ? "Go to " + words : words, where)));
        }
        if (node instanceof MenuButton menu) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null && item.getText() != null) {
                    rows.add(new Shortcut(item.getAccelerator().getDisplayText(), Mnemonics.withoutMarker(item.getText()), where));
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectMnemonics(child, screenRoot, screenTitle, here, rows);
            }
        }
    }
}
