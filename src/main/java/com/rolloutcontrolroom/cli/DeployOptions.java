package com.rolloutcontrolroom.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** What deploy and rollback share: where the CLI runs, which CLI, and the confirmation. */
final class DeployOptions {

    @Option(names = "--dry-run", description = "Print the exact commands and values, ready to copy, and run nothing.")
    boolean dryRun;

    @Option(names = "--confirm", paramLabel = "ENVIRONMENT",
            description = "Run the commands: the environment's name, typed out (staging, production), as the confirmation.")
    String confirm;

    @Option(names = "--project", paramLabel = "DIR",
            description = "The project's checkout linked with `vercel link`; remembered for the rollout.")
    Path project;

    @Option(names = "--vercel", paramLabel = "PATH",
            description = "The Vercel CLI's path when it is not on the PATH; remembered.")
    String vercel;
}
