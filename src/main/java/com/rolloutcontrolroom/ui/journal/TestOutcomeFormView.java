package com.rolloutcontrolroom.ui.journal;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The test outcome form: one input per column of the report's Test Outcomes. */
public final class TestOutcomeFormView {

    private final TestOutcomeFormViewModel viewModel;

    @FXML private Label title;
    @FXML private TextArea command;
    @FXML private Label commandProblem;
    @FXML private ChoiceBox<String> outcome;
    @FXML private Label outcomeProblem;
    @FXML private TextField summary;
    @FXML private Label summaryProblem;
    @FXML private TextField ranAt;
    @FXML private Label ranAtProblem;
    @FXML private TextField environment;
    @FXML private Label environmentProblem;
    @FXML private VBox correctionBox;
    @FXML private TextField correctionReason;
    @FXML private Label correctionReasonProblem;
    @FXML private Label problem;
    @FXML private Label hint;
    @FXML private Button save;

    public TestOutcomeFormView(TestOutcomeFormViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        FieldBinding.bind(command, commandProblem, viewModel.command(), viewModel.presentation());
        FieldBinding.bind(outcome, outcomeProblem, viewModel.outcome(), viewModel.outcomes(), viewModel.presentation());
        FieldBinding.bind(summary, summaryProblem, viewModel.summary(), viewModel.presentation());
        FieldBinding.bind(ranAt, ranAtProblem, viewModel.ranAt(), viewModel.presentation());
        FieldBinding.bind(environment, environmentProblem, viewModel.environment(), viewModel.presentation());
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
