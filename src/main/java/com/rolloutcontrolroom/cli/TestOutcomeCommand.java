package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room test-outcome add|list}: the report's Test Outcomes, recorded by the person who ran the
 * tests: the exact command or suite, passed or failed, and the run's result line. A password pasted with the
 * command is masked before it is journaled.
 */
@Command(name = "test-outcome", mixinStandardHelpOptions = true,
        description = "Record a test run for the verification report (the command, passed or failed, its result), or list them.")
final class TestOutcomeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    static CommandLine commandLine(RolloutSession.Opener sessions) {
        CommandLine command = new CommandLine(new TestOutcomeCommand());
        command.addSubcommand(new Add(sessions));
        command.addSubcommand(new ListOutcomes(sessions));
        return command;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: add or list.");
    }

    /** Exactly one of --passed and --failed. */
    static final class Result {
        @Option(names = "--passed", required = true, description = "The run passed.") boolean passed;
        @Option(names = "--failed", required = true, description = "The run failed.") boolean failed;

        TestOutcome outcome() {
            return passed ? TestOutcome.PASSED : TestOutcome.FAILED;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Journal a test run (TEST_OUTCOME): the exact command or suite that ran, --passed or --failed,"
                    + " and its result line.")
    static final class Add implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Option(names = "--command", required = true, paramLabel = "TEXT", description = "The exact command or test suite that ran.")
        String command;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Result result;
        @Option(names = "--summary", required = true, paramLabel = "TEXT", description = "Its result, e.g. \"142 passed, 0 failed\".")
        String summary;
        @Option(names = "--ran-at", paramLabel = UtcTime.LABEL, converter = UtcTime.class,
                description = "When it ran, " + UtcTime.FORMATS + " (default: now).")
        Instant ranAt;
        @Option(names = "--env", paramLabel = "NAME", description = "The environment it ran against (optional).")
        String environment;

        Add(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState after = session.rollouts().recordTestOutcome(session.resolve(rollout.name), environment, command,
                        result.outcome(), summary, ranAt);
                Recorded<TestOutcomeRecorded> recorded = after.testOutcomes().get(after.testOutcomes().size() - 1);
                PrintWriter out = spec.commandLine().getOut();
                out.println(after.rollout() + ": tests " + recorded.entry().outcome().word() + " (" + recorded.entry().summary()
                        + "), ran " + UtcTime.text(recorded.entry().ranAt()) + " (journal record " + recorded.id() + ").");
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every recorded test run of the rollout, oldest first.")
    static final class ListOutcomes implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;

        ListOutcomes(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState state = session.resolve(rollout.name);
                PrintWriter out = spec.commandLine().getOut();
                if (state.testOutcomes().isEmpty()) {
                    out.println(state.rollout() + " has no test outcomes yet; record one with test-outcome add.");
                    out.flush();
                    return 0;
                }
                List<List<Object>> rows = new ArrayList<>();
                for (Recorded<TestOutcomeRecorded> recorded : state.testOutcomes()) {
                    TestOutcomeRecorded run = recorded.entry();
                    rows.add(List.of(UtcTime.text(run.ranAt()), run.outcome().name(), run.command(), run.summary(),
                            recorded.phase() == null ? "" : recorded.phase(), "#" + recorded.id()));
                }
                out.println("Test outcomes of " + state.rollout() + ":");
                out.print(new TextTable(List.of("Ran at", "Outcome", "Command", "Result", "Phase", "Record"), rows).render("  "));
                out.flush();
                return 0;
            }
        }
    }
}
