package com.rolloutcontrolroom.ui.rollout;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The Rollout screen's controllers for the {@code ViewFactory} registry: the screen and the deployment bar
 * it includes. The composition root and the UI tests register the same pair.
 */
public final class RolloutControllers {

    private RolloutControllers() {
    }

    public static Map<Class<?>, Supplier<?>> of(RolloutViewModel rollout, DeploymentViewModel deployment) {
        return of(() -> rollout, () -> deployment);
    }

    /** With the ViewModels built when the screen is first loaded (the app's are; each supplier must give the same one). */
    public static Map<Class<?>, Supplier<?>> of(Supplier<RolloutViewModel> rollout, Supplier<DeploymentViewModel> deployment) {
        return Map.of(
                RolloutView.class, () -> new RolloutView(rollout.get()),
                DeploymentView.class, () -> new DeploymentView(deployment.get()));
    }
}
