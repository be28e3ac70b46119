package com.rolloutcontrolroom.ui.journal;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Export evidence… and Verify bundle… beside the journal's chain status. */
public final class EvidenceView {

    private final EvidenceViewModel viewModel;

    @FXML private Button exportBundle;
    @FXML private Button verifyBundle;

    public EvidenceView(EvidenceViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        exportBundle.disableProperty().bind(viewModel.busyProperty());
        verifyBundle.disableProperty().bind(viewModel.busyProperty());
        exportBundle.setTooltip(new Tooltip("The current rollout's evidence as one BagIt bag in a zip: report, plan, snapshots,"
                + " SQL, charts and the journal"));
        verifyBundle.setTooltip(new Tooltip("Check a bundle's manifests, journal chain, metrics, verdicts and report, as"
                + " control-room verify does"));
    }

    @FXML
    private void exportBundle() {
        viewModel.exportBundle();
    }

    @FXML
    private void verifyBundle() {
        viewModel.verifyBundle();
    }
}
