package com.rolloutcontrolroom.cli;

import java.util.concurrent.Callable;

import com.rolloutcontrolroom.services.home.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code control-room}: with no subcommand it opens the desktop app. */
@Command(name = "control-room",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Rollout Control Room: run staged feature-flag rollouts with evidence.%n"
                + "With no command, opens the desktop app on your rollouts (on the first run, the demo rollout); with --demo, on the"
                + " embedded demo rollout.",
        footer = {"", "The data folder (config, journal, logs, demo database) is set by CONTROL_ROOM_HOME.",
                "Exit codes: 0 ok, 1 a check failed, 2 bad usage or input."})
public final class ControlRoomCommand implements Callable<Integer> {

    private final DesktopLauncher desktop;

    @Option(names = Workspace.DEMO_OPTION, description = "Open the desktop app on the embedded demo rollout (its own journal,"
            + " apart from your rollouts).")
    boolean demo;

    public ControlRoomCommand(DesktopLauncher desktop) {
        this.desktop = desktop;
    }

    @Override
    public Integer call() {
        desktop.launch();
        return 0;
    }

    /** True when these arguments open the window and ask nothing else: none, or only {@code --demo}. */
    public static boolean opensWindowOnly(String[] args) {
        for (String arg : args) {
            if (!arg.equals(Workspace.DEMO_OPTION)) {
                return false;
            }
        }
        return true;
    }

    /** Opens the GUI and blocks until its window closes. */
    @FunctionalInterface
    public interface DesktopLauncher {
        void launch();
    }
}
