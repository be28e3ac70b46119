package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.services.home.AppHome;

import picocli.CommandLine;

/** Builds the command tree; the GUI and each subcommand get their dependencies here. */
public final class ControlRoomCli {

    private ControlRoomCli() {
    }

    public static CommandLine create(AppHome home, ControlRoomCommand.DesktopLauncher desktop) {
        CommandLine commandLine = new CommandLine(new ControlRoomCommand(desktop));
        commandLine.addSubcommand(new DemoDbCommand(home));
        commandLine.addSubcommand(new JournalCommand(home));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new OneSentenceErrors());
        return commandLine;
    }
}
