package com.rolloutcontrolroom.services.deploy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rolloutcontrolroom.domain.deploy.CliCommand;
import com.rolloutcontrolroom.domain.deploy.DeploymentScript;
import com.rolloutcontrolroom.domain.deploy.ReadBack;
import com.rolloutcontrolroom.domain.journal.DeployCommandRun;
import com.rolloutcontrolroom.services.deploy.DeployFailure.Kind;

/**
 * Runs a {@link DeploymentScript}'s commands in order, journaling each one as it ends (the line, exit
 * code, output and outcome), and stops at the first failure. The deploy's URL and time are captured; the
 * read-back's values are compared with the plan's and a difference fails the run.
 */
final class ScriptRun {

    /** The journal keeps the end of a long output, where a CLI says what went wrong. */
    static final int KEPT_OUTPUT = 20_000;
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final VercelCli cli;
    private final DeployJournal journal;
    private final DeployListener listener;
    private final Cancellation cancellation;

    private String deploymentUrl;
    private Instant deployedAt;

    ScriptRun(VercelCli cli, DeployJournal journal, DeployListener listener, Cancellation cancellation) {
        this.cli = cli;
        this.journal = journal;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** @throws DeployFailure at the first command that fails, after journaling it */
    void run(DeploymentScript script, ProjectFolder folder, String token) {
        for (CliCommand command : script.commands()) {
            if (cancellation.isCancelled()) {
                throw journal.notRun(command.shown(), new DeployFailure(Kind.CANCELLED, "Cancelled before `" + command.shown()
                        + "` ran; check the project's variables in Vercel before running the steps again."));
            }
            if (command.step() == CliCommand.Step.READ_BACK) {
                readBack(script, command, folder, token);
            } else {
                runOne(command, folder, token);
            }
        }
    }

    String deploymentUrl() {
        return deploymentUrl;
    }

    Instant deployedAt() {
        return deployedAt;
    }

    private void runOne(CliCommand command, ProjectFolder folder, String token) {
        listener.commandStarted(command.shown());
        Instant started = journal.now();
        VercelCli.Run run = cli.run(command, folder.path(), token, null, listener::line, cancellation);
        DeployFailure failure = run.failure();
        if (failure != null && command.step() == CliCommand.Step.REMOVE_FLAG && failure.kind() == Kind.EXIT_CODE
                && FailureReading.nothingToRemove(run.result())) {
            failure = null;
        }
        if (failure == null && command.step() == CliCommand.Step.DEPLOY) {
            deployedAt = journal.now();
            deploymentUrl = url(run.result().stdout());
            if (deploymentUrl == null) {
                failure = new DeployFailure(Kind.NO_URL, "The deploy printed no deployment URL; check its output, then record"
                        + " the marker by hand with phase start --url URL.");
            }
        }
        finish(command, folder, run, started, output(run.result().lines()), failure);
    }

    private void readBack(DeploymentScript script, CliCommand command, ProjectFolder folder, String token) {
        listener.commandStarted(command.shown());
        Instant started = journal.now();
        try (ReadBackFile file = new ReadBackFile()) {
            VercelCli.Run run = cli.run(command, folder.path(), token, file.path(), listener::line, cancellation);
            DeployFailure failure = run.failure();
            List<String> lines = new ArrayList<>(run.result().lines());
            if (failure == null) {
                Map<String, String> observed = file.read(ReadBack.names(script.flags()));
                script.flags().forEach(flag -> {
                    String line = "Read back " + flag.flag() + "=" + observed.getOrDefault(flag.flag(), "(missing)")
                            + " (plan: " + flag.value() + ")";
                    lines.add(line);
                    listener.line(line);
                });
                List<String> mismatches = ReadBack.mismatches(script.flags(), observed);
                if (!mismatches.isEmpty()) {
                    failure = new DeployFailure(Kind.MISMATCH, "The flags read back from Vercel differ from the plan ("
                            + String.join("; ", mismatches) + "), so no marker was recorded; check the project's variables"
                            + " in Vercel, then run the steps again.");
                }
            }
            finish(command, folder, run, started, output(lines), failure);
        } catch (IOException e) {
            throw journal.notRun(command.shown(), new DeployFailure(Kind.EXIT_CODE, "The read-back file could not be read ("
                    + e.getMessage() + "); check the project's variables in Vercel by hand."));
        }
    }

    private void finish(CliCommand command, ProjectFolder folder, VercelCli.Run run, Instant started, String output,
                        DeployFailure failure) {
        String outcome = failure == null ? DeployCommandRun.OK : failure.sentence();
        journal.command(command.shown(), folder.projectId(), run.result().exitCode(), output, started, outcome);
        listener.commandFinished(command.shown(), outcome);
        if (failure != null) {
            throw failure;
        }
    }

    static String output(List<String> lines) {
        String all = String.join("\n", lines);
        if (all.length() <= KEPT_OUTPUT) {
            return all;
        }
        return "[" + (all.length() - KEPT_OUTPUT) + " earlier characters not kept]\n" + all.substring(all.length() - KEPT_OUTPUT);
    }

    private static String url(List<String> stdout) {
        for (int i = stdout.size() - 1; i >= 0; i--) {
            Matcher matcher = URL.matcher(stdout.get(i));
            if (matcher.find()) {
                return matcher.group();
            }
        }
        return null;
    }
}
