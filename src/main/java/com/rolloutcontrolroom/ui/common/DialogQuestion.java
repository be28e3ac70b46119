package com.rolloutcontrolroom.ui.common;

import java.util.List;

/**
 * One input of a small form dialog ({@link DialogService#ask}): a label, the text it starts with and,
 * for a choice, the choices. Plain data, so a ViewModel asks without knowing any control.
 *
 * @param choices empty for free text
 * @param multiline free text over several lines (actions taken)
 */
public record DialogQuestion(String label, String initial, List<String> choices, boolean multiline) {

    public DialogQuestion {
        initial = initial == null ? "" : initial;
        choices = List.copyOf(choices == null ? List.of() : choices);
    }

    public static DialogQuestion text(String label, String initial) {
        return new DialogQuestion(label, initial, List.of(), false);
    }

    public static DialogQuestion lines(String label, String initial) {
        return new DialogQuestion(label, initial, List.of(), true);
    }

    public static DialogQuestion choice(String label, String initial, List<String> choices) {
        return new DialogQuestion(label, initial, choices, false);
    }
}
