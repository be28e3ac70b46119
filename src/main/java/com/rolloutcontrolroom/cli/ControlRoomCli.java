package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.services.home.AppHome;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainCredentialStore;
import com.rolloutcontrolroom.services.deploy.VercelCliSetup;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;

import picocli.CommandLine;

/** Builds the command tree; the GUI and each subcommand get their dependencies here. */
public final class ControlRoomCli {

    private ControlRoomCli() {
    }

    public static CommandLine create(AppHome home, ControlRoomCommand.DesktopLauncher desktop) {
        // the CLI has no session to remember a password in, so no in-memory fallback: the keychain or nothing
        return create(home, desktop, new KeychainCredentialStore(KeychainCredentialStore.DEFAULT_TIMEOUT), System.in);
    }

    public static CommandLine create(AppHome home, ControlRoomCommand.DesktopLauncher desktop, CredentialStore credentials, InputStream stdin) {
        return create(home, desktop, credentials, stdin, DataFolderFirst.LOGGING_AS_IS, Clock.systemUTC(),
                VercelCliSetup::forThisMachine);
    }

    /** @param clock what the rollout commands take for now: tests let a phase's minimum duration pass with it */
    static CommandLine create(AppHome home, ControlRoomCommand.DesktopLauncher desktop, CredentialStore credentials, InputStream stdin,
                              Clock clock) {
        return create(home, desktop, credentials, stdin, DataFolderFirst.LOGGING_AS_IS, clock, VercelCliSetup::forThisMachine);
    }

    /** @param setups how deploy and rollback start the Vercel CLI: tests give a fake one on the child's PATH */
    static CommandLine create(AppHome home, ControlRoomCommand.DesktopLauncher desktop, CredentialStore credentials, InputStream stdin,
                              Clock clock, Function<String, VercelCliSetup> setups) {
        return create(home, desktop, credentials, stdin, DataFolderFirst.LOGGING_AS_IS, clock, setups);
    }

    /**
     * Runs what these arguments ask and returns the exit code. Arguments that only open the window ({@code --demo},
     * or none) skip the command tree: building it (twenty subcommands, their classes, picocli's reflection over
     * them) took a good part of a second before the first frame, and the window needs none of it.
     *
     * @param logging set up once the command is known, so a read command writes no log into the data folder
     */
    public static int execute(String[] args, AppHome home, ControlRoomCommand.DesktopLauncher desktop,
                              DataFolderFirst.Logging logging) {
        if (!ControlRoomCommand.opensWindowOnly(args)) {
            return create(home, desktop, new KeychainCredentialStore(KeychainCredentialStore.DEFAULT_TIMEOUT), System.in, logging,
                    Clock.systemUTC(), VercelCliSetup::forThisMachine).execute(args);
        }
        return openWindow(home, desktop, logging, new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** What the root command does, as {@link DataFolderFirst} and {@link OneSentenceErrors} would do it. */
    static int openWindow(AppHome home, ControlRoomCommand.DesktopLauncher desktop, DataFolderFirst.Logging logging,
                          PrintWriter err) {
        try {
            home.ensureExists();
        } catch (RuntimeException e) {
            logging.configure(home, true); // the folder cannot hold the log that records this failure
            return OneSentenceErrors.report(e, err);
        }
        logging.configure(home, false);
        try {
            desktop.launch();
            return 0;
        } catch (RuntimeException e) {
            return OneSentenceErrors.report(e, err);
        }
    }

    private static CommandLine create(AppHome home, ControlRoomCommand.DesktopLauncher desktop, CredentialStore credentials,
                                      InputStream stdin, DataFolderFirst.Logging logging, Clock clock,
                                      Function<String, VercelCliSetup> setups) {
        CommandLine commandLine = new CommandLine(new ControlRoomCommand(desktop));
        commandLine.addSubcommand(new DemoDbCommand(home));
        // the journal's key and heads live where passwords do; the CLI has no memory fallback, so no keychain means unsigned
        commandLine.addSubcommand(new JournalCommand(home, new KeychainJournalKeys(credentials)));
        commandLine.addSubcommand(new RunCommand(home, credentials));
        commandLine.addSubcommand(EnvCommand.commandLine(new EnvironmentProfiles(home.config()), credentials, stdin, home.userQueries()));
        RolloutSession.Opener rollouts = new RolloutSession.Opener(home, credentials, clock);
        commandLine.addSubcommand(RolloutCommand.commandLine(rollouts, new EnvironmentProfiles(home.config()), credentials));
        commandLine.addSubcommand(PhaseCommand.commandLine(rollouts));
        commandLine.addSubcommand(new DeployCommand(rollouts, credentials, setups));
        commandLine.addSubcommand(new RollbackCommand(rollouts, credentials, setups));
        commandLine.addSubcommand(DeployTokenCommand.commandLine(credentials, stdin));
        commandLine.addSubcommand(ChecklistCommand.commandLine(rollouts));
        commandLine.addSubcommand(new StatusCommand(rollouts));
        commandLine.addSubcommand(SignOffCommand.commandLine(rollouts));
        commandLine.addSubcommand(TestOutcomeCommand.commandLine(rollouts));
        commandLine.addSubcommand(new ReportCommand(home));
        commandLine.addSubcommand(NotifyCommand.commandLine(credentials, stdin));
        commandLine.addSubcommand(new WatchCommand(home, credentials));
        commandLine.addSubcommand(new SimulateCommand(home, clock));
        commandLine.addSubcommand(new ExportCommand(home, new KeychainJournalKeys(credentials),
                "Rollout Control Room " + com.rolloutcontrolroom.app.AppVersion.current()));
        commandLine.addSubcommand(new VerifyCommand());
        return withHandlers(commandLine, home, logging);
    }

    private static CommandLine withHandlers(CommandLine commandLine, AppHome home, DataFolderFirst.Logging logging) {
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new OneSentenceErrors());
        commandLine.setParameterExceptionHandler(new OneLineUsageErrors());
        commandLine.setExecutionStrategy(new DataFolderFirst(home, logging));
        return commandLine;
    }
}
