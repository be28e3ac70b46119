package com.rolloutcontrolroom.ui.rollout;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.rolloutcontrolroom.domain.rollout.DeploymentSteps;
import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.NextAction;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PromotionCheck;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;

/**
 * Everything the Rollout screen shows of one state at one instant, as text and rows: a pure function
 * of the read model, so the screen shows exactly what the CLI's status computes from the same fold.
 */
record RolloutPresentation(List<PhaseCard> timeline, String nextAction, String currentTitle, String gate, GateResult gateResult,
                           List<String> blockers, List<TickableItem> currentChecklist, List<TickableItem> criteria,
                           List<TickableItem> evidence, String nextTitle, List<TickableItem> nextChecklist,
                           String steps, String promoteText, List<String> rollbackTargets, List<String> checkpoints) {

    static RolloutPresentation of(RolloutState state, Instant now) {
        PromotionCheck check = PromotionCheck.of(state, now);
        PhaseState current = state.current().orElse(null);
        PhaseState next = state.next().orElse(null);
        GateStatus gate = PhaseGates.current(state, now);
        return new RolloutPresentation(
                state.phases().stream().map(phase -> PhaseCard.of(phase, now)).toList(),
                NextAction.of(state, now),
                current == null ? "The rollout is done" : "Current phase: " + current.name(),
                current == null ? "" : "Gate: " + gate.result().label(),
                current == null ? null : gate.result(),
                current == null ? List.of() : check.allowed()
                        ? List.of("Nothing blocks promotion to " + check.to() + ".") : check.blockers(),
                items(current, PhasePlan::checklist),
                items(current, PhasePlan::verificationCriteria),
                items(current, PhasePlan::evidence),
                next == null ? "No next phase" : "Next phase: " + next.name(),
                items(next, PhasePlan::checklist),
                next == null ? "" : steps(state, next),
                current == null ? "_Promote" : next == null ? "_Promote: finish the rollout" : "_Promote to " + next.name(),
                state.phases().subList(0, Math.min(state.currentIndex(), state.phases().size())).stream()
                        .filter(phase -> phase.plan().rollbackTarget()).map(PhaseState::name).toList(),
                current == null ? List.of() : checkpoints(state, current, now));
    }

    /** The current phase's monitoring schedule as the ledger says: "T+6h Full query suite, due 4 Dec 12:57 UTC: taken late, …". */
    private static List<String> checkpoints(RolloutState state, PhaseState current, Instant now) {
        return CheckpointLedger.of(state, now).latestVisit(current.name()).stream().map(entry -> {
            String verdict = entry.state().taken() ? " — " + entry.taken().entry().verdicts().get(0).outcome() : "";
            return entry.label() + " " + entry.kind().label() + ", due " + DUE.format(entry.due()) + " UTC: "
                    + entry.status() + verdict;
        }).toList();
    }

    private static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter
            .ofPattern("d MMM HH:mm", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private static List<TickableItem> items(PhaseState phase, Function<PhasePlan, List<String>> which) {
        return phase == null ? List.of() : which.apply(phase.plan()).stream().map(item -> TickableItem.of(phase, item)).toList();
    }

    private static String steps(RolloutState state, PhaseState next) {
        List<String> lines = DeploymentSteps.of(state.plan(), next.plan());
        return lines.isEmpty() ? "# " + next.name() + " deploys nothing: no flags to set." : String.join("\n", lines);
    }
}
