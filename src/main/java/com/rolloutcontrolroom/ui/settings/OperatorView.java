package com.rolloutcontrolroom.ui.settings;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import com.rolloutcontrolroom.ui.common.ShownField;

/** The operator's display name, shown on every journal record next to the OS login. */
public final class OperatorView {

    private final OperatorViewModel viewModel;

    @FXML private Label login;
    @FXML private TextField displayName;
    @FXML private Button save;
    @FXML private Label message;
    @FXML private Label error;

    public OperatorView(OperatorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        login.textProperty().bind(viewModel.loginProperty());
        ShownField.bind(displayName, viewModel.displayNameProperty(), viewModel.presentation());
        save.disableProperty().bind(viewModel.canSaveProperty().not().or(viewModel.presentation().onProperty()));
        message.textProperty().bind(viewModel.messageProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        viewModel.load();
    }

    @FXML
    private void save() {
        viewModel.save();
    }
}
