package com.rolloutcontrolroom.ui.rollout;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

import com.rolloutcontrolroom.ui.common.ShownField;

/**
 * Binds the deployment bar and its dialog to {@link DeploymentViewModel}. The dialog is a window of its own,
 * owned by the main one and modal to it, so nothing else on the screen moves while commands run.
 */
public final class DeploymentView {

    private final DeploymentViewModel viewModel;
    private Stage window;

    @FXML private HBox bar;
    @FXML private Button deployNext;
    @FXML private HBox rollbackButtons;
    @FXML private VBox dialog;
    @FXML private Label title;
    @FXML private Label folder;
    @FXML private Button chooseFolder;
    @FXML private Button chooseCli;
    @FXML private Label blocked;
    @FXML private Button copyDryRun;
    @FXML private TextArea dryRun;
    @FXML private VBox reasonBox;
    @FXML private TextField reason;
    @FXML private VBox confirmBox;
    @FXML private Label confirmPrompt;
    @FXML private TextField confirm;
    @FXML private Button runButton;
    @FXML private Button cancel;
    @FXML private Button close;
    @FXML private TextArea output;
    @FXML private Label result;

    public DeploymentView(DeploymentViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        deployNext.disableProperty().bind(viewModel.openProperty());
        viewModel.environments().addListener((ListChangeListener<String>) change -> showRollbackButtons());
        showRollbackButtons();
        title.textProperty().bind(viewModel.titleProperty());
        folder.textProperty().bind(viewModel.folderProperty());
        chooseFolder.disableProperty().bind(viewModel.runningProperty().or(viewModel.finishedProperty())
                .or(viewModel.presentation().onProperty()));
        chooseCli.disableProperty().bind(chooseFolder.disableProperty());
        showWhenNotEmpty(blocked, viewModel.blockedProperty());
        dryRun.textProperty().bind(viewModel.dryRunProperty());
        copyDryRun.disableProperty().bind(dryRun.textProperty().isEmpty());
        reasonBox.visibleProperty().bind(viewModel.rollbackProperty());
        reasonBox.managedProperty().bind(reasonBox.visibleProperty());
        ShownField.bind(reason, viewModel.reasonProperty(), viewModel.presentation());
        confirmBox.visibleProperty().bind(viewModel.needsTypingProperty());
        confirmBox.managedProperty().bind(confirmBox.visibleProperty());
        confirmPrompt.textProperty().bind(viewModel.confirmPromptProperty());
        confirm.textProperty().bindBidirectional(viewModel.typedProperty());
        runButton.disableProperty().bind(viewModel.canRunProperty().not());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        close.disableProperty().bind(viewModel.runningProperty());
        output.textProperty().bind(viewModel.outputProperty());
        // the newest line stays in view as the output streams in
        output.textProperty().addListener((obs, old, now) -> output.positionCaret(now == null ? 0 : now.length()));
        showWhenNotEmpty(result, viewModel.resultProperty());
        viewModel.succeededProperty().addListener((obs, old, ok) -> decorateResult(ok));
        viewModel.openProperty().addListener((obs, old, open) -> showWindow(open));
    }

    private void showRollbackButtons() {
        rollbackButtons.getChildren().setAll(viewModel.environments().stream().map(environment -> {
            Button button = new Button("Roll back " + environment + " now…");
            button.setId("deploy-rollback-" + environment);
            button.getStyleClass().add("danger");
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.disableProperty().bind(viewModel.openProperty());
            button.setOnAction(event -> viewModel.reviewRollback(environment));
            return button;
        }).toList());
    }

    private void showWindow(boolean open) {
        if (!open) {
            if (window != null) {
                window.hide();
            }
            return;
        }
        if (window == null) {
            window = new Stage();
            window.initOwner(bar.getScene().getWindow());
            window.initModality(Modality.WINDOW_MODAL);
            Scene scene = new Scene(dialog);
            scene.getStylesheets().setAll(bar.getScene().getStylesheets());
            window.setScene(scene);
            window.titleProperty().bind(viewModel.titleProperty());
            // the window's own close button is Close: refused while commands run
            window.setOnCloseRequest(event -> {
                event.consume();
                viewModel.close();
            });
        }
        window.show();
        window.toFront();
    }

    private void decorateResult(boolean ok) {
        result.getStyleClass().removeAll("deploy-ok", "rollout-refusal");
        result.getStyleClass().add(ok ? "deploy-ok" : "rollout-refusal");
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void reviewDeploy() {
        viewModel.reviewDeploy();
    }

    @FXML
    private void chooseProjectFolder() {
        viewModel.chooseProjectFolder();
    }

    @FXML
    private void chooseCli() {
        viewModel.chooseCli();
    }

    @FXML
    private void copyDryRun() {
        viewModel.copyDryRun();
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        viewModel.close();
    }
}
