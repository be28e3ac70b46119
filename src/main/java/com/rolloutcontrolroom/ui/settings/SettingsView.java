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

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        ProfileForm form = viewModel.form();
        profiles.setItems(viewModel.profiles());
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
        name.textProperty().bindBidirectional(form.nameProperty());
        host.textProperty().bindBidirectional(form.hostProperty());
        port.textProperty().bindBidirectional(form.portProperty());
        database.textProperty().bindBidirectional(form.databaseProperty());
        user.textProperty().bindBidirectional(form.userProperty());
        sslMode.getItems().setAll(viewModel.sslModes());
        sslMode.valueProperty().bindBidirectional(form.sslModeProperty());
        rootCert.textProperty().bindBidirectional(form.rootCertProperty());
        timeout.textProperty().bindBidirectional(form.timeoutSecondsProperty());
        password.textProperty().bindBidirectional(form.passwordProperty());
        runbook.textProperty().bindBidirectional(viewModel.runbookProperty());
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
            button.disableProperty().bind(viewModel.busyProperty());
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
