package com.rolloutcontrolroom.ui.journal;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The issue form: one input per column of the report's Issues &amp; Resolutions table. */
public final class IssueFormView {

    private final IssueFormViewModel viewModel;

    @FXML private Label title;
    @FXML private TextField discoveredAt;
    @FXML private Label discoveredAtProblem;
    @FXML private ChoiceBox<String> environment;
    @FXML private Label environmentProblem;
    @FXML private TextArea description;
    @FXML private Label descriptionProblem;
    @FXML private TextArea resolution;
    @FXML private Label resolutionProblem;
    @FXML private TextField resolvedAt;
    @FXML private Label resolvedAtProblem;
    @FXML private VBox correctionBox;
    @FXML private TextField correctionReason;
    @FXML private Label correctionReasonProblem;
    @FXML private Label problem;
    @FXML private Label hint;
    @FXML private Button save;

    public IssueFormView(IssueFormViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        FieldBinding.bind(discoveredAt, discoveredAtProblem, viewModel.discoveredAt(), viewModel.presentation());
        FieldBinding.bind(environment, environmentProblem, viewModel.environment(), viewModel.environments(), viewModel.presentation());
        FieldBinding.bind(description, descriptionProblem, viewModel.description(), viewModel.presentation());
        FieldBinding.bind(resolution, resolutionProblem, viewModel.resolution(), viewModel.presentation());
        FieldBinding.bind(resolvedAt, resolvedAtProblem, viewModel.resolvedAt(), viewModel.presentation());
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
