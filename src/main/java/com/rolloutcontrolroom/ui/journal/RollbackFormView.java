package com.rolloutcontrolroom.ui.journal;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The rollback form: one input per column of the report's Rollback Log. */
public final class RollbackFormView {

    private final RollbackFormViewModel viewModel;

    @FXML private Label title;
    @FXML private TextField occurredAt;
    @FXML private Label occurredAtProblem;
    @FXML private ChoiceBox<String> environment;
    @FXML private Label environmentProblem;
    @FXML private TextField reason;
    @FXML private Label reasonProblem;
    @FXML private TextArea actionsTaken;
    @FXML private Label actionsTakenProblem;
    @FXML private TextField outcome;
    @FXML private Label outcomeProblem;
    @FXML private VBox correctionBox;
    @FXML private TextField correctionReason;
    @FXML private Label correctionReasonProblem;
    @FXML private Label problem;
    @FXML private Label hint;
    @FXML private Button save;

    public RollbackFormView(RollbackFormViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        FieldBinding.bind(occurredAt, occurredAtProblem, viewModel.occurredAt(), viewModel.presentation());
        FieldBinding.bind(environment, environmentProblem, viewModel.environment(), viewModel.environments(), viewModel.presentation());
        FieldBinding.bind(reason, reasonProblem, viewModel.reason(), viewModel.presentation());
        FieldBinding.bind(actionsTaken, actionsTakenProblem, viewModel.actionsTaken(), viewModel.presentation());
        FieldBinding.bind(outcome, outcomeProblem, viewModel.outcome(), viewModel.presentation());
        new FormChrome(title, correctionBox, correctionReason, correctionReasonProblem, problem, hint, save).bind(viewModel);
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
