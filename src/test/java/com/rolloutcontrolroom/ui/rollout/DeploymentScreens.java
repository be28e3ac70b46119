package com.rolloutcontrolroom.ui.rollout;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.value.ObservableValue;

import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.deploy.DeploySettings;
import com.rolloutcontrolroom.services.deploy.Deployments;
import com.rolloutcontrolroom.services.deploy.VercelCliSetup;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/** The Rollout screen's controllers for a UI test, its deployment bar wired to the given CLI setup. */
final class DeploymentScreens {

    private DeploymentScreens() {
    }

    static Map<Class<?>, Supplier<?>> controllers(RolloutViewModel rollout, Rollouts rollouts, Path settings,
                                                  ObservableValue<String> name, TaskExecutor executor, DialogService dialogs,
                                                  PresentationMode presentation, Function<String, VercelCliSetup> setups) {
        Deployments deployments = new Deployments(rollouts, new DeploySettings(new SettingsFile(settings)),
                new SessionCredentialStore("Test keychain in memory."), setups);
        return RolloutControllers.of(rollout, new DeploymentViewModel(deployments, name, executor, dialogs, presentation,
                rollout::reload));
    }

    /** For a test that never deploys: the machine's CLI, which it never starts. */
    static Map<Class<?>, Supplier<?>> controllers(RolloutViewModel rollout, Rollouts rollouts, Path settings,
                                                  ObservableValue<String> name, TaskExecutor executor, DialogService dialogs) {
        return controllers(rollout, rollouts, settings, name, executor, dialogs, rollout.presentation(), VercelCliSetup::forThisMachine);
    }
}
