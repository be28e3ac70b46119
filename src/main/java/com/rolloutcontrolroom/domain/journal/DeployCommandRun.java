package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * One Vercel CLI command the control room ran for a reviewed action (a phase's deployment steps or an
 * emergency rollback): the command as a copyable line, its exit code and its output, secrets removed
 * before they were written here, and how it ended.
 *
 * @param action   what the command was part of: "Deploy Staging full", "Emergency rollback of production"
 * @param project  the Vercel project id from the project folder's {@code .vercel/project.json}; null when unknown
 * @param exitCode null when the command never finished on its own (not started, timed out, cancelled)
 * @param outcome  "ok", or the one sentence saying what went wrong and what to do
 */
public record DeployCommandRun(Instant recordedAt, Operator operator, String environment, String rollout,
                               String action, String project, String command, Integer exitCode, String output,
                               Instant startedAt, Instant finishedAt, String outcome) implements JournalEntry {

    public static final String OK = "ok";

    public DeployCommandRun {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.text(environment, "Deploy environment");
        rollout = Require.text(rollout, "Rollout name");
        action = Require.text(action, "Deploy action");
        project = Require.optionalText(project);
        command = Require.text(command, "Deploy command");
        output = output == null ? "" : output;
        startedAt = Require.time(startedAt, "Command start time");
        finishedAt = Require.time(finishedAt, "Command end time");
        outcome = Require.text(outcome, "Command outcome");
    }

    public boolean succeeded() {
        return OK.equals(outcome);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.DEPLOY_COMMAND_RUN;
    }
}
