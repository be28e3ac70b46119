package com.rolloutcontrolroom.ui.journal;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One input of a journal form: its text, the rule that judges it, and the one sentence shown under
 * it. A field says nothing until someone has typed in it, so a fresh form is not a wall of red.
 */
final class FormField {

    private final String label;
    private final Function<String, String> rule;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper shownProblem = new ReadOnlyStringWrapper("");
    private boolean touched;

    /** @param rule returns the problem sentence, or null when the text is acceptable */
    FormField(String label, Function<String, String> rule) {
        this.label = label;
        this.rule = rule;
        text.addListener((obs, old, now) -> {
            touched = true;
            refresh();
        });
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyStringProperty problemProperty() {
        return shownProblem.getReadOnlyProperty();
    }

    String label() {
        return label;
    }

    String text() {
        return text.get() == null ? "" : text.get();
    }

    /** The problem whether or not it is shown yet; null when the field is fine. */
    String problem() {
        return rule.apply(text());
    }

    boolean isTouched() {
        return touched;
    }

    /** Fills the field without counting as typing (a fresh form or a correction's pre-fill). */
    void reset(String value) {
        text.set(value == null ? "" : value);
        touched = false;
        refresh();
    }

    void refresh() {
        String problem = touched ? problem() : null;
        shownProblem.set(problem == null ? "" : problem);
    }
}
