package com.rolloutcontrolroom.services.deploy;

import java.time.Instant;

import com.rolloutcontrolroom.domain.journal.DeployCommandRun;
import com.rolloutcontrolroom.services.rollout.Rollouts;

/**
 * Journals the commands of one reviewed action as {@code DEPLOY_COMMAND_RUN} records: each command's
 * line, exit code, output (already scrubbed) and outcome, in the rollout's journal, as it ends.
 */
final class DeployJournal {

    private final Rollouts rollouts;
    private final String rollout;
    private final String environment;
    private final String action;

    DeployJournal(Rollouts rollouts, String rollout, String environment, String action) {
        this.rollouts = rollouts;
        this.rollout = rollout;
        this.environment = environment;
        this.action = action;
    }

    Instant now() {
        return rollouts.now();
    }

    void command(String shown, String project, Integer exitCode, String output, Instant started, String outcome) {
        rollouts.recordDeployCommand(new DeployCommandRun(now(), rollouts.operator(), environment, rollout, action, project,
                shown, exitCode, output, started, now(), outcome));
    }

    /** A command that never ran because of {@code failure}: journaled as not run, and the failure handed back to throw. */
    DeployFailure notRun(String shown, DeployFailure failure) {
        Instant at = now();
        rollouts.recordDeployCommand(new DeployCommandRun(at, rollouts.operator(), environment, rollout, action, null,
                "(not run) " + shown, null, "", at, at, failure.sentence()));
        return failure;
    }
}
