package com.rolloutcontrolroom.ui.journal;

import com.rolloutcontrolroom.services.evidence.BundleVerifier;
import com.rolloutcontrolroom.services.evidence.EvidenceExport;
import com.rolloutcontrolroom.services.evidence.EvidenceExporter;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Journal screen's evidence actions: export the current rollout's evidence bundle, and verify a bundle
 * (any, also one made elsewhere) the way {@code control-room verify} does. Both run off the FX thread; the
 * outcome is a dialog, which presentation mode redacts like every other.
 */
public final class EvidenceViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceViewModel.class);

    private final EvidenceExport export;
    private final BundleVerifier verifier;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableValue<String> currentRollout;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public EvidenceViewModel(EvidenceExport export, BundleVerifier verifier, TaskExecutor executor, DialogService dialogs,
                             ObservableValue<String> currentRollout) {
        this.export = export;
        this.verifier = verifier;
        this.executor = executor;
        this.dialogs = dialogs;
        this.currentRollout = currentRollout;
    }

    public void exportBundle() {
        String rollout = currentRollout.getValue();
        if (rollout == null) {
            dialogs.showError("No rollout", "There is no current rollout to export; create or choose one on the Rollout screen.");
            return;
        }
        dialogs.chooseFileToSave("Export the evidence bundle of " + rollout, rollout + "-evidence.zip", "zip")
                .ifPresent(target -> run(() -> export.write(rollout, target), bundle -> exported(bundle, target), "Not exported"));
    }

    public void verifyBundle() {
        dialogs.chooseFileToOpen("Verify an evidence bundle", "zip")
                .ifPresent(zip -> run(() -> verifier.verify(zip), result -> verified(result, zip), "Not verified"));
    }

    private void exported(EvidenceExporter.Bundle bundle, Path target) {
        dialogs.showInformation("Evidence bundle exported", "Wrote " + target + ": the evidence of " + bundle.rollout() + ", "
                + bundle.payloadFiles() + " files (" + bundle.payloadOctets() + " bytes) in a BagIt bag, journal head "
                + bundle.head().id() + " " + bundle.head().hash() + ". Anyone can check it with `control-room verify` or by hand"
                + " (its HOW-TO-VERIFY.md).");
    }

    private void verified(BundleVerifier.Result result, Path zip) {
        if (result.ok()) {
            dialogs.showInformation("Bundle verified", "Verified " + zip + ":\n" + String.join("\n", result.checked()));
        } else {
            dialogs.showError("The bundle does not verify", zip + " failed " + result.problems().size()
                    + (result.problems().size() == 1 ? " check" : " checks") + ":\n" + String.join("\n", result.problems()));
        }
    }

    private <T> void run(Callable<T> work, Consumer<T> done, String failedTitle) {
        busy.set(true);
        executor.execute(BackgroundTask.of(work)
                .onSuccess(done)
                .onFailure(failure -> {
                    LOG.warn("{}: evidence action failed", failedTitle, failure);
                    dialogs.showError(failedTitle, FailureSentence.of(failure));
                })
                .onFinished(() -> busy.set(false)));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
