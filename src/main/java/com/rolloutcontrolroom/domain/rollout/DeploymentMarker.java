package com.rolloutcontrolroom.domain.rollout;

import java.time.Instant;

/**
 * When a phase's flags went live, as the release manager enters it: the time (often minutes after
 * the deploy, so editable), the deployment URL, who deployed and a note.
 *
 * @param at null means "now"
 */
public record DeploymentMarker(Instant at, String deploymentUrl, String deployedBy, String note) {

    public static DeploymentMarker now(String deployedBy) {
        return new DeploymentMarker(null, null, deployedBy, null);
    }
}
