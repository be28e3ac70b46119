package com.rolloutcontrolroom.cli;

import java.util.concurrent.Callable;
import java.util.function.Function;

import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.deploy.VercelCliSetup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room rollback --env NAME --reason TEXT --confirm NAME}: the emergency rollback. Turns the
 * rollout's flag off on that environment and deploys it, journals each command, writes the rollback log row
 * (reason, the commands as actions taken, the outcome) by itself and moves the rollout back as the plan says.
 * A failed one is logged too. {@code phase rollback} stays for a rollback done by hand.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Emergency rollback: the rollout's flag off on one environment with the Vercel CLI, deploy, and the"
                + " rollback recorded; --dry-run prints the commands to copy.")
final class RollbackCommand implements Callable<Integer> {

    private final RolloutSession.Opener sessions;
    private final CredentialStore credentials;
    private final Function<String, VercelCliSetup> setups;

    @Spec CommandSpec spec;
    @Mixin RolloutOption rollout;
    @Mixin DeployOptions options;
    @Option(names = "--env", required = true, paramLabel = "NAME", description = "staging or production (or its environment name).")
    String environment;
    @Option(names = "--reason", paramLabel = "TEXT", description = "What went wrong; required to run it.")
    String reason;

    RollbackCommand(RolloutSession.Opener sessions, CredentialStore credentials, Function<String, VercelCliSetup> setups) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.setups = setups;
    }

    @Override
    public Integer call() {
        try (RolloutSession session = sessions.open()) {
            return ReviewedRun.run(session, rollout, options, credentials, setups, spec,
                    (deployments, name) -> deployments.reviewRollback(name, environment), reason);
        }
    }
}
