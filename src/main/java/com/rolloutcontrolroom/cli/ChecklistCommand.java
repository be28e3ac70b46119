package com.rolloutcontrolroom.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code control-room checklist tick|untick|list}: the items of a phase, ticked in the journal with who and when. */
@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = "Tick or untick a phase's checklist, verification criteria and evidence items; list them with their numbers.")
final class ChecklistCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static CommandLine commandLine(RolloutSession.Opener sessions) {
        CommandLine checklist = new CommandLine(new ChecklistCommand());
        checklist.addSubcommand("tick", new Tick(sessions, true));
        checklist.addSubcommand("untick", new Tick(sessions, false));
        checklist.addSubcommand(new ListItems(sessions));
        return checklist;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: tick, untick or list.");
    }

    static PhaseState phase(RolloutState state, String name) {
        return state.phase(name).orElseThrow(() -> new MoveRefused("The rollout has no phase '" + name + "'; pick one of "
                + String.join(", ", state.phases().stream().map(PhaseState::name).toList()) + "."));
    }

    @Command(mixinStandardHelpOptions = true, description = "Tick (or untick) one item of a phase.")
    static final class Tick implements Callable<Integer> {
        private final RolloutSession.Opener sessions;
        private final boolean ticked;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Parameters(index = "0", paramLabel = "PHASE", description = "The phase, e.g. 'Staging shadow'.") String phaseName;
        @Parameters(index = "1", paramLabel = "ITEM", description = "The item's exact text, or its number (see checklist list).")
        String item;

        Tick(RolloutSession.Opener sessions, boolean ticked) {
            this.sessions = sessions;
            this.ticked = ticked;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState seen = session.resolve(rollout.name);
                PhaseState phase = phase(seen, phaseName);
                String text = PhaseItems.resolve(phase.plan(), item);
                RolloutState now = session.rollouts().tick(seen, phase.name(), text, ticked);
                PhaseState after = phase(now, phase.name());
                PrintWriter out = spec.commandLine().getOut();
                out.println((ticked ? "Ticked" : "Unticked") + " '" + text + "' in " + after.name() + " of " + now.rollout()
                        + "; its checklist has " + ChecklistCount.of(after) + ".");
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a phase's items with their numbers and ticks (default: the current and the next phase).")
    static final class ListItems implements Callable<Integer> {
        private final RolloutSession.Opener sessions;

        @Spec CommandSpec spec;
        @Mixin RolloutOption rollout;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PHASE", description = "The phase to list.") String phaseName;

        ListItems(RolloutSession.Opener sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            try (RolloutSession session = sessions.open()) {
                RolloutState state = session.resolve(rollout.name);
                List<PhaseState> phases = phaseName != null ? List.of(phase(state, phaseName))
                        : java.util.stream.Stream.of(state.current(), state.next()).flatMap(java.util.Optional::stream).toList();
                PrintWriter out = spec.commandLine().getOut();
                if (phases.isEmpty()) {
                    out.println(state.rollout() + " is done; name a phase to list its items.");
                }
                for (PhaseState phase : phases) {
                    out.println(phase.name() + " (" + phase.status().label() + "), checklist " + ChecklistCount.of(phase) + ":");
                    PhaseItems.Section section = null;
                    for (PhaseItems.Item item : PhaseItems.of(phase.plan())) {
                        if (item.section() != section) {
                            section = item.section();
                            out.println("  " + section.title);
                        }
                        String by = phase.tick(item.text()).filter(t -> t.ticked())
                                .map(t -> "  (" + t.by().describe() + ", " + UtcTime.text(t.at()) + ")").orElse("");
                        // shown wherever the item is shown: the plan moved under a phase already running
                        String changed = phase.changedAfterStart(item.text()) ? "  (changed after the phase started)" : "";
                        out.printf("  %3d. [%s] %s%s%s%n", item.number(), phase.isTicked(item.text()) ? "x" : " ", item.text(), changed, by);
                    }
                }
                out.flush();
                return 0;
            }
        }
    }
}
