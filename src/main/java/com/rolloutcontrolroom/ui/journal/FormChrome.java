package com.rolloutcontrolroom.ui.journal;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The parts every journal form has around its own fields: title, correction reason, problem, hint, Save. */
record FormChrome(Label title, VBox correctionBox, TextField correctionReason, Label correctionReasonProblem,
                  Label problem, Label hint, Button save) {

    void bind(JournalFormViewModel viewModel) {
        title.textProperty().bind(viewModel.titleProperty());
        FieldBinding.bind(correctionReason, correctionReasonProblem, viewModel.correctionReason(), viewModel.presentation());
        correctionBox.visibleProperty().bind(viewModel.correctingProperty());
        correctionBox.managedProperty().bind(correctionBox.visibleProperty());
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        hint.textProperty().bind(viewModel.hintProperty());
        save.disableProperty().bind(viewModel.validProperty().not().or(viewModel.savingProperty()));
    }
}
