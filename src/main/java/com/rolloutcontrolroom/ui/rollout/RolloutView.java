package com.rolloutcontrolroom.ui.rollout;

import java.util.Locale;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.ui.common.FocusScroller;
import com.rolloutcontrolroom.ui.common.ShownField;

/** Binds the Rollout screen to {@link RolloutViewModel}; every handler is one call. */
public final class RolloutView {

    private final RolloutViewModel viewModel;

    @FXML private ScrollPane scroll;
    @FXML private VBox root;
    @FXML private Label rollout;
    @FXML private Label description;
    @FXML private ProgressIndicator progress;
    @FXML private Button newRollout;
    @FXML private MenuButton planMenu;
    @FXML private Button refresh;
    @FXML private Button signOff;
    @FXML private VBox emptyState;
    @FXML private Label empty;
    @FXML private Label error;
    @FXML private VBox body;
    @FXML private Label nextAction;
    @FXML private HBox timeline;
    @FXML private Label currentTitle;
    @FXML private Label gate;
    @FXML private VBox blockers;
    @FXML private Label checkpointsTitle;
    @FXML private VBox checkpoints;
    @FXML private Button acceptWarning;
    @FXML private Label currentChecklistTitle;
    @FXML private VBox currentChecklist;
    @FXML private Label criteriaTitle;
    @FXML private VBox criteria;
    @FXML private Label evidenceTitle;
    @FXML private VBox evidence;
    @FXML private Label nextTitle;
    @FXML private Label nextChecklistTitle;
    @FXML private VBox nextChecklist;
    @FXML private Button copySteps;
    @FXML private TextArea steps;
    @FXML private TextField markerAt;
    @FXML private Label markerAtProblem;
    @FXML private TextField markerUrl;
    @FXML private TextField markerDeployedBy;
    @FXML private TextField markerNote;
    @FXML private Button promote;
    @FXML private Button override;
    @FXML private Button rollback;

    public RolloutView(RolloutViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        FocusScroller.install(scroll);
        rollout.textProperty().bind(viewModel.rolloutProperty());
        showWhenNotEmpty(description, viewModel.descriptionProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        showWhenNotEmpty(empty, viewModel.emptyProperty());
        emptyState.visibleProperty().bind(empty.visibleProperty());
        emptyState.managedProperty().bind(empty.visibleProperty());
        // one New rollout button at a time, so its mnemonic presses it rather than moving between two
        newRollout.visibleProperty().bind(empty.visibleProperty().not());
        newRollout.managedProperty().bind(newRollout.visibleProperty());
        newRollout.disableProperty().bind(viewModel.busyProperty());
        planMenu.visibleProperty().bind(viewModel.loadedProperty());
        planMenu.managedProperty().bind(planMenu.visibleProperty());
        planMenu.disableProperty().bind(viewModel.busyProperty());
        showWhenNotEmpty(error, viewModel.errorProperty());
        body.visibleProperty().bind(viewModel.loadedProperty());
        body.managedProperty().bind(body.visibleProperty());
        nextAction.textProperty().bind(viewModel.shown().nextActionProperty());
        PhaseCards.bind(timeline, viewModel.shown().timeline());
        currentTitle.textProperty().bind(viewModel.shown().currentTitleProperty());
        showWhenNotEmpty(gate, viewModel.shown().gateProperty());
        viewModel.shown().gateResultProperty().addListener((obs, old, result) -> decorateGate(result));
        decorateGate(viewModel.shown().gateResultProperty().get());
        viewModel.shown().blockers().addListener((ListChangeListener<String>) change -> showBlockers());
        viewModel.shown().checkpoints().addListener((ListChangeListener<String>) change -> showCheckpoints());
        showCheckpoints();
        acceptWarning.visibleProperty().bind(viewModel.shown().gateResultProperty().isEqualTo(GateResult.WARN));
        acceptWarning.managedProperty().bind(acceptWarning.visibleProperty());
        acceptWarning.disableProperty().bind(viewModel.canPromoteProperty().not());
        showBlockers();
        ItemRows.bind(currentChecklist, currentChecklistTitle, viewModel.shown().currentChecklist(), "rollout-current-checklist", viewModel::tick, viewModel.shown()::shown);
        ItemRows.bind(criteria, criteriaTitle, viewModel.shown().criteria(), "rollout-criteria", viewModel::tick, viewModel.shown()::shown);
        ItemRows.bind(evidence, evidenceTitle, viewModel.shown().evidence(), "rollout-evidence", viewModel::tick, viewModel.shown()::shown);
        nextTitle.textProperty().bind(viewModel.shown().nextTitleProperty());
        ItemRows.bind(nextChecklist, nextChecklistTitle, viewModel.shown().nextChecklist(), "rollout-next-checklist", viewModel::tick, viewModel.shown()::shown);
        steps.textProperty().bind(viewModel.shown().stepsProperty());
        copySteps.disableProperty().bind(viewModel.shown().stepsProperty().isEmpty());
        bindMarker(viewModel.marker());
        promote.textProperty().bind(viewModel.shown().promoteTextProperty());
        promote.disableProperty().bind(viewModel.canPromoteProperty().not());
        override.disableProperty().bind(viewModel.canPromoteProperty().not());
        rollback.disableProperty().bind(viewModel.canRollBackProperty().not());
        refresh.disableProperty().bind(viewModel.busyProperty());
        signOff.visibleProperty().bind(viewModel.loadedProperty());
        signOff.managedProperty().bind(signOff.visibleProperty());
        signOff.disableProperty().bind(viewModel.canSignOffProperty().not());
        // the screen is kept between visits; read the journal again each time it is shown
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.reload();
            }
        });
    }

    private void bindMarker(MarkerForm marker) {
        markerAt.textProperty().bindBidirectional(marker.atProperty());
        showWhenNotEmpty(markerAtProblem, marker.atProblemProperty());
        marker.atProblemProperty().addListener((obs, old, problem) -> {
            markerAt.getStyleClass().remove("invalid");
            if (!problem.isEmpty()) {
                markerAt.getStyleClass().add("invalid");
            }
        });
        markerUrl.textProperty().bindBidirectional(marker.deploymentUrlProperty());
        // prefilled with the operator, who may be named by their login
        ShownField.bind(markerDeployedBy, marker.deployedByProperty(), viewModel.presentation());
        markerNote.textProperty().bindBidirectional(marker.noteProperty());
    }

    private void showCheckpoints() {
        checkpointsTitle.setVisible(!viewModel.shown().checkpoints().isEmpty());
        checkpointsTitle.setManaged(checkpointsTitle.isVisible());
        checkpoints.getChildren().setAll(viewModel.shown().checkpoints().stream().map(text -> {
            Label line = new Label(text);
            line.setWrapText(true);
            line.getStyleClass().add("checkpoint-line");
            return line;
        }).toList());
    }

    @FXML
    private void acceptWarning() {
        viewModel.acceptWarning();
    }

    private void showBlockers() {
        blockers.getChildren().setAll(viewModel.shown().blockers().stream().map(text -> {
            Label line = new Label("• " + text);
            line.setWrapText(true);
            line.getStyleClass().add("blocker");
            return line;
        }).toList());
    }

    private void decorateGate(GateResult result) {
        gate.getStyleClass().removeIf(style -> style.startsWith("gate-is-"));
        if (result != null) {
            gate.getStyleClass().add("gate-is-" + result.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void savePlan() {
        viewModel.savePlan();
    }

    @FXML
    private void amendPlan() {
        viewModel.amendPlan();
    }

    @FXML
    private void newRollout() {
        viewModel.newRollout();
    }

    @FXML
    private void signOff() {
        viewModel.signOff();
    }

    @FXML
    private void copySteps() {
        viewModel.copySteps();
    }

    @FXML
    private void promote() {
        viewModel.promote();
    }

    @FXML
    private void override() {
        viewModel.override();
    }

    @FXML
    private void rollback() {
        viewModel.rollback();
    }
}
