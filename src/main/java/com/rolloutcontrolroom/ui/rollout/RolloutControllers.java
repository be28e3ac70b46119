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
        return Map.of(
                RolloutView.class, () -> new RolloutView(rollout),
                DeploymentView.class, () -> new DeploymentView(deployment));
    }
}
