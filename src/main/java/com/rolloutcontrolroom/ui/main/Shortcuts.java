package com.rolloutcontrolroom.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The catalogue of the window's own keys: what each does and where. MainView registers these as the
 * scene's accelerators; the help reads the scene and takes its words from here, so a key without a
 * description shows up as such instead of silently missing.
 */
public final class Shortcuts {

    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    /** Typed, not pressed: "?" is Shift+/ on one keyboard and something else on the next. */
    public static final String HELP_CHARACTER = "?";
    public static final KeyCombination PRESENTATION =
            new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination THEME =
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    /** The frame's buttons for window keys; these ids let a key and its button be matched. */
    public static final String THEME_BUTTON_ID = "main-theme";
    public static final String PRESENTATION_BUTTON_ID = "main-present";

    /**
     * Screen keys act through the screen's own button (so a disabled button means a disabled key): the
     * first of these ids present, shown and enabled on the current screen is fired.
     */
    private static final Map<KeyCombination, List<String>> FIRED_BUTTONS = Map.of(
            REFRESH, List.of("dashboard-refresh", "rollout-refresh", "journal-verify"),
            RUN, List.of("dashboard-run-now", "queries-run-full"));

    private static final Map<KeyCombination, String> SCREEN_KEY_WORDS = Map.of(
            REFRESH, "Read this screen again",
            RUN, "Run the full query suite now");

    private Shortcuts() {
    }

    public static KeyCombination screen(Screen screen) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (screen.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN);
    }

    /** Every key the window itself defines, in the order the help lists them. */
    public static List<Shortcut> catalogue() {
        List<Shortcut> all = new ArrayList<>();
        all.add(new Shortcut(HELP.getDisplayText() + " or " + HELP_CHARACTER, "Show these keys", Shortcut.EVERYWHERE
                + " (" + HELP_CHARACTER + " outside text fields)"));
        for (Screen screen : Screen.values()) {
            all.add(new Shortcut(screen(screen).getDisplayText(), "Go to " + screen.title(), Shortcut.EVERYWHERE));
        }
        all.add(new Shortcut(PRESENTATION.getDisplayText(), "Presentation mode on or off", Shortcut.EVERYWHERE));
        all.add(new Shortcut(THEME.getDisplayText(), "Switch between light and dark", Shortcut.EVERYWHERE));
        all.add(new Shortcut(REFRESH.getDisplayText(), SCREEN_KEY_WORDS.get(REFRESH), "Dashboard, Rollout, Journal"));
        all.add(new Shortcut(RUN.getDisplayText(), SCREEN_KEY_WORDS.get(RUN), "Dashboard, Queries"));
        all.add(new Shortcut("Esc", "Close a dialog or this help", Shortcut.EVERYWHERE));
        return all;
    }

    /** The catalogue's line for a key, by its display text. */
    public static Optional<Shortcut> describing(KeyCombination keys) {
        String text = keys.getDisplayText();
        return catalogue().stream().filter(shortcut -> shortcut.keys().equals(text)
                || shortcut.keys().startsWith(text + " or ")).findFirst();
    }

    /** The ids of the buttons a screen key fires, in the order they are tried; empty for a window key. */
    public static List<String> firedButtons(KeyCombination keys) {
        return FIRED_BUTTONS.getOrDefault(keys, List.of());
    }

    /** Whether a frame button is the same action as a window key (theme, presentation mode). */
    public static boolean isWindowKeyButton(String buttonId) {
        return THEME_BUTTON_ID.equals(buttonId) || PRESENTATION_BUTTON_ID.equals(buttonId);
    }

    /** Keys that act through a button of the current screen. */
    public static List<KeyCombination> screenKeys() {
        return List.of(REFRESH, RUN);
    }
}
