package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;

import com.rolloutcontrolroom.services.deploy.DeployListener;
import com.rolloutcontrolroom.services.deploy.DeployOutcome;
import com.rolloutcontrolroom.services.deploy.DeployReview;
import com.rolloutcontrolroom.services.deploy.DeploySettings;
import com.rolloutcontrolroom.services.deploy.Deployments;

/**
 * Prints a reviewed action for deploy and rollback: the dry run, each command as it starts, its output
 * as it comes (secrets already removed), how it ended, and the outcome.
 */
final class DeploymentPrinter implements DeployListener {

    private final PrintWriter out;

    DeploymentPrinter(PrintWriter out) {
        this.out = out;
    }

    /** Remembers the folder and the CLI the options name, before anything is reviewed. */
    static void remember(DeployOptions options, String rollout, Deployments deployments, PrintWriter out) {
        if (options.project != null) {
            deployments.chooseProjectFolder(rollout, options.project);
            out.println("# project folder for " + rollout + ": " + options.project.toAbsolutePath().normalize() + " (remembered)");
        }
        if (options.vercel != null) {
            deployments.chooseCli(options.vercel);
            out.println("# Vercel CLI: " + options.vercel + " (remembered)");
        }
    }

    void dryRun(DeployReview review) {
        review.dryRun().forEach(out::println);
        if (review.blocked() != null) {
            out.println("# not runnable now: " + review.blocked());
        }
        out.flush();
    }

    /** Usage: what to add to run it. */
    static String confirmHint(DeployReview review) {
        return "Nothing was run; to run these commands add --confirm " + review.confirmWord()
                + " (or --dry-run to only print them).";
    }

    @Override
    public void commandStarted(String shown) {
        out.println("$ " + shown);
        out.flush();
    }

    @Override
    public void line(String line) {
        out.println("  " + line);
        out.flush();
    }

    @Override
    public void commandFinished(String shown, String outcome) {
        out.println("  -> " + outcome);
        out.flush();
    }

    /** 0 when it succeeded; the failure's sentence goes to stderr. */
    static int finish(DeployOutcome outcome, PrintWriter out, PrintWriter err) {
        if (outcome.succeeded()) {
            out.println(outcome.sentence());
            out.flush();
            return 0;
        }
        err.println("control-room: " + outcome.sentence());
        err.flush();
        return 1;
    }

    static DeploySettings settingsOf(RolloutSession session) {
        return new DeploySettings(session.settings());
    }
}
