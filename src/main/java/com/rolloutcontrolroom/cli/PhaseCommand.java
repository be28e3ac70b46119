package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.rollout.NextAction;
import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room phase start|override|rollback}: move the rollout, with the same checks as the
 * Rollout screen (they are {@link com.rolloutcontrolroom.domain.rollout.RolloutMoves}'); a refusal is
 * one sentence on stderr and exit 1, and nothing is written.
 */
@Command(name = "phase", mixinStandardHelpOptions = true,
        description = "Start the next phase (record its deployment marker), override a gate, or roll back.")
final class PhaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static CommandLine commandLine(RolloutSession.Opener sessions) {
        CommandLine phase = new CommandLine(new PhaseCommand());
        phase.addSubcommand(new Start(sessions));
        phase.addSubcommand(new OverrideGate(sessions));
        phase.addSubcommand(new Rollback(sessions));
        phase.addSubcommand(new AcceptWarning(sessions));
        return phase;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: start, override, rollback or accept-warning.");
    }

    /** "Staging full started at 2026-12-05 07:30 UTC (journal record 12)." and the next action. */
    static void printMove(CommandSpec spec, RolloutState after, Instant now) {
        PrintWriter out = spec.commandLine().getOut();
        PhaseVisit visit = after.visits().get(after.visits().size() - 1);
        out.println(after.rollout() + ": " + visit.fromPhase() + " -> " + visit.toPhase() + " at " + UtcTime.text(visit.marker())
                + " (journal record " + visit.recordId() + ").");
        out.println("Next: " + NextAction.of(after, now));
        out.flush();
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Promote: record the next phase's deployment marker (its T+0). Refused while the current gate"
                    + " does not pass or the next phase's pre-phase checklist is open.")
    static final class Start implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Mixin MarkerOptions marker;

        Start(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState after = session.rollouts().promote(session.resolve(rollout.name), marker.marker());
                printMove(spec, after, session.now());
                return 0;
            }
        }
    }

    @Command(name = "accept-warning", mixinStandardHelpOptions = true,
            description = "Accept the current gate's WARN by name with a reason (journaled as WARNING_ACCEPTED), so it passes;"
                    + " only a WARN can be accepted.")
    static final class AcceptWarning implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Option(names = "--who", required = true, paramLabel = "NAME", description = "Who accepts the warning.")
        String who;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the rollout may go on.")
        String reason;

        AcceptWarning(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState after = session.rollouts().acceptWarning(session.resolve(rollout.name), who, reason);
                PrintWriter out = spec.commandLine().getOut();
                out.println(after.rollout() + ": the " + after.currentPhaseName() + " warning is accepted by " + who.strip() + ".");
                out.println("Next: " + NextAction.of(after, session.now()));
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "override", mixinStandardHelpOptions = true,
            description = "Promote past what blocks it: the reason and the approver are journaled (GATE_OVERRIDE) with the"
                    + " deployment marker, in one write.")
    static final class OverrideGate implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Mixin MarkerOptions marker;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why promoting past the gate is safe.")
        String reason;
        @Option(names = "--approver", required = true, paramLabel = "NAME", description = "Who approved the override.")
        String approver;

        OverrideGate(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState after = session.rollouts().override(session.resolve(rollout.name), marker.marker(), reason, approver);
                printMove(spec, after, session.now());
                return 0;
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Record a rollback (what happened, what was done, the outcome) and move the rollout back to an"
                    + " earlier phase the plan allows. Ticks and all earlier records stay.")
    static final class Rollback implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Option(names = "--to", required = true, paramLabel = "PHASE", description = "The phase to return to.") String to;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it was rolled back.") String reason;
        @Option(names = "--actions", required = true, paramLabel = "TEXT", description = "What was done.") String actions;
        @Option(names = "--outcome", required = true, paramLabel = "TEXT", description = "How it ended.") String outcome;
        @Option(names = "--at", paramLabel = UtcTime.LABEL, converter = UtcTime.class,
                description = "When it was rolled back, " + UtcTime.FORMATS + " (default: now).") Instant at;

        Rollback(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState after = session.rollouts().rollback(session.resolve(rollout.name), to, at, reason, actions, outcome);
                printMove(spec, after, session.now());
                return 0;
            }
        }
    }
}
