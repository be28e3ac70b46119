package com.rolloutcontrolroom.ui.journal;

import javafx.collections.ObservableList;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

/** Wires one form input and the label under it to its {@link FormField}; the View only decorates. */
final class FieldBinding {

    private static final String INVALID = "invalid";

    private FieldBinding() {
    }

    static void bind(TextInputControl input, Label problem, FormField field) {
        input.textProperty().bindBidirectional(field.textProperty());
        decorate(input, problem, field);
    }

    static void bind(ChoiceBox<String> input, Label problem, FormField field, ObservableList<String> choices) {
        input.setItems(choices);
        input.valueProperty().bindBidirectional(field.textProperty());
        decorate(input, problem, field);
    }

    private static void decorate(javafx.scene.Node input, Label problem, FormField field) {
        problem.textProperty().bind(field.problemProperty());
        problem.visibleProperty().bind(field.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        field.problemProperty().addListener((obs, old, now) -> {
            input.getStyleClass().remove(INVALID);
            if (!now.isEmpty()) {
                input.getStyleClass().add(INVALID);
            }
        });
    }
}
