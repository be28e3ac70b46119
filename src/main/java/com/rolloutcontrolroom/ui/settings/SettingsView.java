package com.rolloutcontrolroom.ui.settings;

import java.util.Objects;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.ui.common.FocusScroller;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.ShownCells;
import com.rolloutcontrolroom.ui.common.ShownField;

/** Binds the environment list, form, runbook import and feedback to {@link SettingsViewModel}. */
public final class SettingsView {

    private final SettingsViewModel viewModel;

    @FXML private ScrollPane scroller;
    @FXML private ListView<EnvironmentProfile> profiles;
    @FXML private TextField name;
    @FXML private TextField host;
    @FXML private TextField port;
    @FXML private TextField database;
    @FXML private TextField user;
    @FXML private ChoiceBox<SslMode> sslMode;
    @FXML private TextField rootCert;
    @FXML private TextField timeout;
    @FXML private PasswordField password;
    @FXML private TextArea runbook;
    @FXML private Label keychainStatus;
    @FXML private Label message;
    @FXML private Label error;
    @FXML private Label roleWarnings;
    @FXML private TextArea roleSql;
    @FXML private CheckBox requireReadOnlyRole;
    @FXML private ProgressIndicator progress;
    @FXML private Button save;
    @FXML private Button test;
    @FXML private Button remove;
    @FXML private Button importRunbook;
    @FXML private Label presentingNote;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        ProfileForm form = viewModel.form();
        PresentationMode presentation = viewModel.presentation();
        profiles.setItems(viewModel.profiles());
        ShownCells.list(profiles, EnvironmentProfile::describe, presentation);
        profiles.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (!Objects.equals(profiles.getSelectionModel().getSelectedItem(), now)) {
                profiles.getSelectionModel().select(now);
            }
        });
        ShownField.bind(name, form.nameProperty(), presentation);
        ShownField.bind(host, form.hostProperty(), presentation);
        ShownField.bind(port, form.portProperty(), presentation);
        ShownField.bind(database, form.databaseProperty(), presentation);
        ShownField.bind(user, form.userProperty(), presentation);
        sslMode.getItems().setAll(viewModel.sslModes());
        sslMode.valueProperty().bindBidirectional(form.sslModeProperty());
        ShownField.bind(rootCert, form.rootCertProperty(), presentation);
        ShownField.bind(timeout, form.timeoutSecondsProperty(), presentation);
        password.textProperty().bindBidirectional(form.passwordProperty());
        ShownField.bind(runbook, viewModel.runbookProperty(), presentation);
        password.editableProperty().bind(presentation.onProperty().not());
        sslMode.disableProperty().bind(presentation.onProperty());
        requireReadOnlyRole.disableProperty().bind(presentation.onProperty());
        presentingNote.visibleProperty().bind(presentation.onProperty());
        presentingNote.managedProperty().bind(presentingNote.visibleProperty());
        keychainStatus.textProperty().bind(viewModel.keychainStatusProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        roleWarnings.textProperty().bind(viewModel.roleWarningsProperty());
        roleWarnings.visibleProperty().bind(viewModel.roleWarningsProperty().isNotEmpty());
        roleWarnings.managedProperty().bind(roleWarnings.visibleProperty());
        roleSql.textProperty().bind(viewModel.roleSqlProperty());
        roleSql.visibleProperty().bind(viewModel.roleSqlProperty().isNotEmpty());
        roleSql.managedProperty().bind(roleSql.visibleProperty());
        requireReadOnlyRole.selectedProperty().bindBidirectional(form.requireReadOnlyRoleProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        for (Button button : new Button[] {save, test, remove, importRunbook}) {
            button.disableProperty().bind(viewModel.editingOffProperty());
        }
        FocusScroller.install(scroller);
        viewModel.start();
    }

    @FXML private void newProfile() { viewModel.newProfile(); }
    @FXML private void save() { viewModel.save(); }
    @FXML private void testConnection() { viewModel.testConnection(); }
    @FXML private void remove() { viewModel.remove(); }
    @FXML private void importRunbook() { viewModel.importRunbook(); }
}
