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
 * {@code control-room deploy --phase NAME}: a phase's deployment steps through the Vercel CLI. Without
 * {@code --confirm} it prints the exact commands (the dry run) and runs nothing; with the environment's
 * name it runs them, streams their output, journals each, and on a read-back that matches the plan
 * records the phase's deployment marker with the URL and time. {@code phase start} stays for a deploy
 * done by hand.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Set the phase's flags with the Vercel CLI (values on standard input), deploy, read them back and record"
                + " the deployment marker; --dry-run prints the commands to copy.")
final class DeployCommand implements Callable<Integer> {

    private final RolloutSession.Opener sessions;
    private final CredentialStore credentials;
    private final Function<String, VercelCliSetup> setups;

    @Spec CommandSpec spec;
    @Mixin RolloutOption rollout;
    @Mixin DeployOptions options;
    @Option(names = "--phase", required = true, paramLabel = "NAME", description = "The phase to deploy: the next one.")
    String phase;

    DeployCommand(RolloutSession.Opener sessions, CredentialStore credentials, Function<String, VercelCliSetup> setups) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.setups = setups;
    }

    @Override
    public Integer call() {
        try (RolloutSession session = sessions.open()) {
            return ReviewedRun.run(session, rollout, options, credentials, setups, spec,
                    (deployments, name) -> deployments.reviewPhase(name, phase), null);
        }
    }
}
