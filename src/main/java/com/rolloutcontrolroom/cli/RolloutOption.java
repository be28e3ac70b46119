package com.rolloutcontrolroom.cli;

import picocli.CommandLine.Option;

/** {@code --rollout NAME} on every command that works on one rollout; without it, the current rollout. */
final class RolloutOption {

    @Option(names = "--rollout", paramLabel = "NAME",
            description = "The rollout to work on (default: the current one, chosen with rollout use).")
    String name;
}
