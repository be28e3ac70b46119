package com.rolloutcontrolroom.ui.journal;

import javafx.collections.ObservableList;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.ShownField;

/** Wires one form input and the label under it to its {@link FormField}; the View only decorates. */
final class FieldBinding {

    private static final String INVALID = "invalid";

    private FieldBinding() {
    }

    /** A correction pre-fills recorded text: while presenting the input shows it redacted and cannot be edited. */
    static void bind(TextInputControl input, Label problem, FormField field, PresentationMode presentation) {
        ShownField.bind(input, field.textProperty(), presentation);
        decorate(input, problem, field, presentation);
    }

    static void bind(ChoiceBox<String> input, Label problem, FormField field, ObservableList<String> choices,
                     PresentationMode presentation) {
        input.setItems(choices);
        input.valueProperty().bindBidirectional(field.textProperty());
        decorate(input, problem, field, presentation);
    }

    private static void decorate(javafx.scene.Node input, Label problem, FormField field, PresentationMode presentation) {
        problem.textProperty().bind(presentation.shown(field.problemProperty()));
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
