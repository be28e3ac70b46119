package com.rolloutcontrolroom.cli;

import java.util.function.BiFunction;
import java.util.function.Function;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.deploy.Cancellation;
import com.rolloutcontrolroom.services.deploy.DeployFailure;
import com.rolloutcontrolroom.services.deploy.DeployReview;
import com.rolloutcontrolroom.services.deploy.Deployments;
import com.rolloutcontrolroom.services.deploy.VercelCliSetup;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code deploy} and {@code rollback} share: print the exact commands (the dry run), stop there, refuse
 * a blocked move or a missing {@code --confirm}, else run them with the output streamed.
 */
final class ReviewedRun {

    private ReviewedRun() {
    }

    /**
     * @param review the phase's steps or the environment's rollback, for the named rollout
     * @param reason the rollback's reason; null for a deploy
     */
    static int run(RolloutSession session, RolloutOption rollout, DeployOptions options, CredentialStore credentials,
                   Function<String, VercelCliSetup> setups, CommandSpec spec,
                   BiFunction<Deployments, String, DeployReview> review, String reason) {
        String name = session.resolve(rollout.name).rollout();
        Deployments deployments = new Deployments(session.rollouts(), DeploymentPrinter.settingsOf(session), credentials, setups);
        var out = spec.commandLine().getOut();
        DeploymentPrinter.remember(options, name, deployments, out);
        DeployReview reviewed = review.apply(deployments, name);
        DeploymentPrinter printer = new DeploymentPrinter(out);
        printer.dryRun(reviewed);
        if (options.dryRun) {
            return 0;
        }
        if (reviewed.blocked() != null) {
            throw new DeployFailure(DeployFailure.Kind.REFUSED, reviewed.blocked());
        }
        if (options.confirm == null) {
            throw new IllegalArgumentException(DeploymentPrinter.confirmHint(reviewed));
        }
        return DeploymentPrinter.finish(deployments.run(reviewed, options.confirm, reason, printer, new Cancellation()), out,
                spec.commandLine().getErr());
    }
}
