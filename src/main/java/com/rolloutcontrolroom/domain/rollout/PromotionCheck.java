package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What stands between the current phase and the next: the current gate, the next phase's pre-phase
 * checklist and any stable period the next phase waits for. Empty blockers mean promotion is allowed.
 */
public record PromotionCheck(String from, String to, GateStatus gate, List<String> blockers) {

    public PromotionCheck {
        blockers = List.copyOf(blockers);
    }

    public static PromotionCheck of(RolloutState state, Instant now) {
        if (state.isDone()) {
            return new PromotionCheck(RolloutPhases.DONE, RolloutPhases.DONE, PhaseGates.current(state, now),
                    List.of("the rollout is done"));
        }
        PhaseState current = state.current().orElseThrow();
        GateStatus gate = PhaseGates.of(state, current, now);
        // a passing gate still explains itself (the hours it judged); only a gate that does not pass blocks
        List<String> blockers = new ArrayList<>(gate.passes() ? List.of() : gate.reasons());
        state.next().ifPresent(next -> {
            List<String> open = next.uncheckedChecklist();
            if (!open.isEmpty()) {
                blockers.add(open.size() + " of " + next.plan().checklist().size() + " " + next.name()
                        + " pre-phase checklist items are not ticked");
            }
            Duration stable = next.plan().previousStableFor();
            if (stable != null && current.startedAt() != null) {
                Duration ran = current.duration(now).orElse(Duration.ZERO);
                if (ran.compareTo(stable) < 0) {
                    blockers.add(next.name() + " waits for " + current.name() + " to be stable for "
                            + PlanDuration.words(stable) + " (" + PlanDuration.words(stable.minus(ran)) + " to go)");
                }
            }
        });
        return new PromotionCheck(current.name(), state.nextPhaseName(), gate, blockers);
    }

    public boolean allowed() {
        return blockers.isEmpty();
    }

    /** One sentence: why promotion is refused. */
    public String refusal() {
        if (from.equals(RolloutPhases.DONE)) {
            return "The rollout is done; there is no phase left to promote to.";
        }
        return "Promotion from " + from + " to " + to + " is refused: "
                + String.join("; ", blockers.stream().map(b -> b.endsWith(".") ? b.substring(0, b.length() - 1) : b).toList())
                + "; wait, or override with a reason and an approver.";
    }
}
