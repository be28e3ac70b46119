package com.rolloutcontrolroom.domain.rollout;

import java.util.Objects;

/**
 * One of the rollout's environments: the configured environment (database profile) it reads, the
 * deploy target its flags are set on ({@code preview}, {@code production}) and the command that deploys.
 */
public record PlanEnvironment(EnvironmentRole role, String environment, String deployTarget, String deployCommand) {

    public PlanEnvironment {
        Objects.requireNonNull(role, "role");
        environment = PlanText.required(environment, "environment");
        deployTarget = PlanText.required(deployTarget, "deployTarget");
        deployCommand = PlanText.required(deployCommand, "deployCommand");
    }
}
