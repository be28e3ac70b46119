package com.rolloutcontrolroom.ui.main;

import java.util.Locale;
import java.util.Optional;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Reads a control's mnemonic the way JavaFX does: the character after the first single underscore ("__" is a literal one). */
public final class Mnemonics {

    private Mnemonics() {
    }

    /** The key that reaches it ("Alt+F" for "Re_fresh"), or empty when the text marks none. */
    public static Optional<String> keysOf(String text) {
        return characterOf(text).map(Mnemonics::keys);
    }

    public static Optional<Character> characterOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) == '_') {
                    i++;
                    continue;
                }
                return Optional.of(Character.toUpperCase(text.charAt(i + 1)));
            }
        }
        return Optional.empty();
    }

    /** The text as drawn: the marker gone, a trailing ellipsis kept (it says a dialog follows). */
    public static String withoutMarker(String text) {
        StringBuilder shown = new StringBuilder();
        boolean marked = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean last = i == text.length() - 1;
            if (c == '_' && !last && text.charAt(i + 1) == '_') {
                shown.append('_');
                i++;
            } else if (c == '_' && !last && !marked) {
                marked = true;
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    private static String keys(char character) {
        KeyCode code = KeyCode.getKeyCode(String.valueOf(character).toUpperCase(Locale.ROOT));
        return code == null ? "Alt+" + character : new KeyCodeCombination(code, KeyCombination.ALT_DOWN).getDisplayText();
    }
}
