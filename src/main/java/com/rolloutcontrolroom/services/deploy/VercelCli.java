package com.rolloutcontrolroom.services.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.domain.deploy.CliCommand;
import com.rolloutcontrolroom.domain.deploy.CliVersion;
import com.rolloutcontrolroom.services.deploy.DeployFailure.Kind;

/**
 * The Vercel CLI as a child process: finds it, asks its version, runs one {@link CliCommand} in the
 * project folder. The token, when there is one, is put into the child's environment only
 * ({@code VERCEL_TOKEN}, which the CLI reads), never into its arguments; every line the child prints has
 * the token and other secrets removed before it is streamed, returned or logged. Blocking: call off the
 * FX thread.
 */
public final class VercelCli {

    public static final String TOKEN_VARIABLE = "VERCEL_TOKEN";
    private static final Logger LOG = LoggerFactory.getLogger(VercelCli.class);

    private final VercelCliSetup setup;
    private final ProcessRunner runner = new ProcessRunner();

    public VercelCli(VercelCliSetup setup) {
        this.setup = setup;
    }

    /** One command's result: the scrubbed lines, and the failure sentence when it failed. */
    public record Run(String shown, ProcessRunner.Result result, DeployFailure failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    /** {@code vercel --version}: the installed CLI's version, or the failure saying how to install one. */
    public Run version(Path folder, String token) {
        String shown = CliCommand.EXECUTABLE + " --version";
        Run run = start(List.of("--version"), null, shown, folder, token, setup.commandTimeout(), line -> { }, new Cancellation());
        if (!run.succeeded()) {
            return run;
        }
        if (CliVersion.parse(String.join("\n", run.result().lines())).isEmpty()) {
            return new Run(shown, run.result(), new DeployFailure(Kind.CLI_VERSION_UNKNOWN, "`" + setup.executable()
                    + " --version` printed no version number; " + FailureReading.INSTALL));
        }
        return run;
    }

    public static CliVersion versionOf(Run run) {
        return CliVersion.parse(String.join("\n", run.result().lines())).orElseThrow();
    }

    /** Runs one command of a script; {@code readBackFile} replaces the read-back's placeholder. */
    public Run run(CliCommand command, Path folder, String token, String readBackFile, ProcessRunner.LineListener listener,
                   Cancellation cancellation) {
        Duration timeout = command.step() == CliCommand.Step.DEPLOY ? setup.deployTimeout() : setup.commandTimeout();
        List<String> arguments = readBackFile == null ? command.arguments() : command.argumentsWith(readBackFile);
        return start(arguments, command.stdin(), command.shown(), folder, token, timeout, listener, cancellation);
    }

    private Run start(List<String> arguments, String stdin, String shown, Path folder, String token, Duration timeout,
                      ProcessRunner.LineListener listener, Cancellation cancellation) {
        Path executable = setup.resolve().orElse(null);
        if (executable == null) {
            return new Run(shown, empty(), FailureReading.missing(setup.executable()));
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        OutputScrubber scrubber = new OutputScrubber(token == null ? List.of() : List.of(token));
        ProcessRunner.Result result;
        try {
            result = runner.run(new ProcessRunner.Request(command, folder, environment(token), stdin, timeout), scrubber,
                    listener, cancellation);
        } catch (IOException e) {
            LOG.info("Vercel CLI not started: {}", scrubber.apply(String.valueOf(e.getMessage())));
            return new Run(shown, empty(), FailureReading.missing(setup.executable()));
        }
        LOG.info("`{}` ended with exit code {}", shown, result.exitCode());
        return new Run(shown, result, FailureReading.of(shown, result, timeout).orElse(null));
    }

    private Map<String, String> environment(String token) {
        Map<String, String> environment = new HashMap<>(setup.environment());
        // output stays plain and the same every run: no update banner, no colours
        environment.put("NO_UPDATE_NOTIFIER", "1");
        environment.put("NO_COLOR", "1");
        environment.put("FORCE_COLOR", "0");
        if (token != null && !token.isBlank()) {
            environment.put(TOKEN_VARIABLE, token);
        }
        return environment;
    }

    private static ProcessRunner.Result empty() {
        return new ProcessRunner.Result(null, List.of(), List.of(), false, false);
    }
}
