package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code control-room status [--json]}: where the rollout stands and the one thing to do next. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "The rollout's phases (status, start, end, duration), the current and next checklists, the current"
                + " phase's checkpoints, its gate with the reasons, and the next action.")
final class StatusCommand implements Callable<Integer> {

    private final RolloutSession.Opener sessions;

    @Spec CommandSpec spec;
    @Mixin RolloutOption rollout;
    @Option(names = "--json", description = "Print the status as JSON (shape documented in the README).") boolean json;

    StatusCommand(RolloutSession.Opener sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        try (RolloutSession session = sessions.open()) {
            RolloutState state = session.resolve(rollout.name);
            boolean current = session.resolvedCurrent().filter(state.rollout()::equals).isPresent();
            RolloutStatus status = RolloutStatus.of(state, session.now(), current);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new RunJsonPrinter().print(status.tree()));
            } else {
                print(status, out);
            }
            out.flush();
            return 0;
        }
    }

    private static void print(RolloutStatus status, PrintWriter out) {
        RolloutState state = status.state();
        out.println("Rollout " + state.rollout() + (status.current() ? " (current)" : "") + ", flags "
                + String.join(", ", state.plan().flags()) + "; now " + UtcTime.text(status.now()) + ".");
        List<List<Object>> rows = new ArrayList<>();
        for (PhaseState phase : state.phases()) {
            rows.add(List.of(phase.name(), phase.status().label(), UtcTime.text(phase.startedAt()), UtcTime.text(phase.endedAt()),
                    RolloutStatus.durationText(phase, status.now())));
        }
        out.print(new TextTable(List.of("Phase", "Status", "Started", "Ended", "Duration"), rows).render("  "));
        out.println("Current phase: " + state.currentPhaseName()
                + state.current().map(p -> ", since " + UtcTime.text(p.startedAt())).orElse("") + ".");
        state.current().ifPresent(phase -> checklist("Checklist of " + phase.name(), phase, out));
        state.next().ifPresent(phase -> checklist("Pre-phase checklist of " + phase.name() + " (next)", phase, out));
        List<RolloutStatus.Checkpoint> checkpoints = status.checkpoints();
        if (!checkpoints.isEmpty()) {
            long taken = checkpoints.stream().filter(RolloutStatus.Checkpoint::taken).count();
            out.println("Checkpoints of " + state.currentPhaseName() + ": " + taken + " of " + checkpoints.size() + " taken.");
            for (RolloutStatus.Checkpoint checkpoint : checkpoints) {
                out.printf("  %-7s %-20s due %s  %s%n", checkpoint.planned().label(), checkpoint.planned().kind().label(),
                        UtcTime.text(checkpoint.due()), standing(checkpoint));
            }
        }
        List<RolloutStatus.Checkpoint> missed = status.missedCheckpoints();
        if (!missed.isEmpty()) {
            out.println("Checkpoints of earlier phases never taken:");
            missed.forEach(checkpoint -> out.println("  - " + checkpoint.description()));
        }
        if (!state.isDone()) {
            out.println("Gate of " + state.currentPhaseName() + ": " + status.gate().result() + ".");
            status.gate().reasons().forEach(reason -> out.println("  - " + reason));
            out.println("Promotion to " + status.promotion().to() + ": " + (status.promotion().allowed() ? "allowed."
                    : "refused (" + String.join("; ", status.promotion().blockers()) + ")."));
        }
        state.amendments().forEach(amended -> {
            out.println("Plan amended " + UtcTime.text(amended.entry().recordedAt()) + " by " + amended.entry().operator().describe()
                    + ": " + amended.entry().reason());
            amended.entry().changes().forEach(change -> out.println("  - " + change));
        });
        state.problems().forEach(problem -> out.println("Problem: " + problem));
        out.println("Next: " + status.nextAction());
    }

    /** "Taken late 2026-12-05 07:40 UTC (10 min late)", "Pending", "Missed". */
    private static String standing(RolloutStatus.Checkpoint checkpoint) {
        String label = checkpoint.state().label();
        if (checkpoint.takenAt() == null) {
            return label;
        }
        return label + " " + UtcTime.text(checkpoint.takenAt())
                + (checkpoint.lateBy() == null ? "" : " (" + PlanDuration.words(checkpoint.lateBy()) + " late)");
    }

    private static void checklist(String title, PhaseState phase, PrintWriter out) {
        out.println(title + ": " + ChecklistCount.of(phase) + (phase.checklistComplete() ? "." : "; open:"));
        for (String item : phase.uncheckedChecklist()) {
            out.printf("  %3d. %s%n", PhaseItems.numberOf(phase.plan(), item), item);
        }
    }
}
