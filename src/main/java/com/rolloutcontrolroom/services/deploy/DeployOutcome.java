package com.rolloutcontrolroom.services.deploy;

import java.time.Instant;

import com.rolloutcontrolroom.domain.rollout.RolloutState;

/**
 * How a reviewed action ended, in one sentence, with what it recorded.
 *
 * @param failure       null when it succeeded
 * @param deploymentUrl the deployment's URL when the deploy ran; null otherwise
 * @param state         the rollout as the journal has it afterwards
 */
public record DeployOutcome(String sentence, DeployFailure.Kind failure, String deploymentUrl, Instant deployedAt,
                            RolloutState state) {

    public boolean succeeded() {
        return failure == null;
    }
}
