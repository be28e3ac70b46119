package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.services.home.AppHome;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * Prepares the data folder once the command is known: a command that writes gets the folder created
 * (one sentence, exit 2, if the path is a file); a command that only reads (journal verify and
 * export, export, env list, notify webhook status, report, help, version) gets nothing created, so a
 * mistyped folder stays missing and an auditor's copy stays as it was; {@code verify}, which reads
 * only the bundle it is given, does not look at the data folder at all. Then logging is set up,
 * where the command may write.
 */
public final class DataFolderFirst implements IExecutionStrategy {

    /** Sets up logging: into the data folder, or, for a read command, somewhere outside it. */
    @FunctionalInterface
    public interface Logging {
        void configure(AppHome home, boolean readsOnly);
    }

    static final Logging LOGGING_AS_IS = (home, readsOnly) -> { };
    private static final Set<String> READ_COMMANDS = Set.of("control-room journal", "control-room journal verify",
            "control-room journal export", "control-room env list", "control-room notify webhook status", "control-room report",
            "control-room export");
    /** Commands that work on a file they are given, not on the data folder: an auditor has none. */
    private static final Set<String> NO_DATA_FOLDER = Set.of("control-room verify");

    private final AppHome home;
    private final Logging logging;

    public DataFolderFirst(AppHome home, Logging logging) {
        this.home = home;
        this.logging = logging;
    }

    @Override
    public int execute(ParseResult parseResult) {
        boolean readsOnly = readsOnly(parseResult);
        try {
            if (NO_DATA_FOLDER.contains(leaf(parseResult).commandSpec().qualifiedName())) {
                logging.configure(home, true);
                return new CommandLine.RunLast().execute(parseResult);
            }
            if (readsOnly) {
                home.refuseAFile();
            } else {
                home.ensureExists();
            }
        } catch (RuntimeException e) {
            logging.configure(home, true); // the folder cannot hold the log that records this failure
            // through the execution handler, so it becomes one sentence and the exit code for its kind
            throw new CommandLine.ExecutionException(leaf(parseResult).commandSpec().commandLine(), e.getMessage(), e);
        }
        logging.configure(home, readsOnly);
        return new CommandLine.RunLast().execute(parseResult);
    }

    static boolean readsOnly(ParseResult parseResult) {
        List<CommandLine> commands = parseResult.asCommandLineList();
        boolean helpOrVersion = commands.stream().anyMatch(command -> command.isUsageHelpRequested()
                || command.isVersionHelpRequested());
        String command = leaf(parseResult).commandSpec().qualifiedName();
        return helpOrVersion || READ_COMMANDS.contains(command) || NO_DATA_FOLDER.contains(command);
    }

    private static ParseResult leaf(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf;
    }
}
