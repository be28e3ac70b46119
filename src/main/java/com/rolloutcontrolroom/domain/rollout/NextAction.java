package com.rolloutcontrolroom.domain.rollout;

import java.time.Instant;

/** The one thing the release manager should do next, in one sentence, computed from the state alone. */
public final class NextAction {

    private NextAction() {
    }

    public static String of(RolloutState state, Instant now) {
        if (state.isDone()) {
            return "The rollout is done; sign off and export the verification report.";
        }
        PhaseState current = state.current().orElseThrow();
        PromotionCheck check = PromotionCheck.of(state, now);
        if (check.allowed()) {
            return state.next().isPresent()
                    ? "Deploy " + check.to() + " and record its deployment marker when the flags are live."
                    : "Record the end of " + current.name() + " to finish the rollout.";
        }
        if (!current.checklistComplete() && current.plan().gate().kind() == GateKind.CHECKLIST) {
            return "Tick the " + current.name() + " checklist: " + current.uncheckedChecklist().size() + " items are open.";
        }
        if (check.gate().result() == GateResult.FAIL) {
            return "The " + current.name() + " gate fails: " + check.gate().reasons().get(0) + " Roll back, or override with a reason.";
        }
        if (check.gate().result() == GateResult.WARN) {
            return "The " + current.name() + " gate warns: " + check.gate().reasons().get(0)
                    + " Accept the warning with a reason to promote, or roll back.";
        }
        if (!check.gate().passes()) {
            return "Wait: " + check.gate().reasons().get(0) + ".";
        }
        return "Before " + check.to() + ": " + check.blockers().get(0) + ".";
    }
}
