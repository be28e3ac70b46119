package com.rolloutcontrolroom.services.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PromotionCheck;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.rollout.Rollouts;

/**
 * The simulated release manager: ticks the checklists, promotes when the promotion check allows, with
 * the deployment marker at the simulated instant, accepts nothing, and rolls back to the plan's
 * rollback target when a checkpoint or the gate fails. Every move goes through {@link Rollouts}, so it
 * is refused exactly as a person's would be.
 */
final class ReleaseManager {

    static final String NAME = "simulated release manager";

    private final Rollouts rollouts;

    ReleaseManager(Rollouts rollouts) {
        this.rollouts = rollouts;
    }

    /** Ticks what the current phase's gate and the next phase's checklist need; returns the items ticked. */
    RolloutState tickChecklists(RolloutState state, List<String> ticked) {
        RolloutState seen = state;
        for (PhaseState phase : List.of(seen.current(), seen.next()).stream().flatMap(Optional::stream).toList()) {
            for (String item : phase.uncheckedChecklist()) {
                seen = rollouts.tick(seen, phase.name(), item, true);
                ticked.add(phase.name());
            }
        }
        return seen;
    }

    /** Promotes if nothing blocks it; empty when something does. */
    Optional<RolloutState> promoteIfAllowed(RolloutState state, Instant now) {
        if (!PromotionCheck.of(state, now).allowed()) {
            return Optional.empty();
        }
        return Optional.of(rollouts.promote(state, new DeploymentMarker(now, null, NAME, "flags set by the simulation")));
    }

    boolean gateFails(RolloutState state, Instant now) {
        return PromotionCheck.of(state, now).gate().result() == GateResult.FAIL;
    }

    /** Back to the nearest earlier phase the plan allows a rollback to. */
    RolloutState rollBack(RolloutState state, Instant now, String reason) {
        String target = rollbackTarget(state);
        return rollouts.rollback(state, target, now, reason, "Set the flags back to " + target + " (simulated)",
                "Rolled back to " + target);
    }

    static String rollbackTarget(RolloutState state) {
        for (int i = state.currentIndex() - 1; i >= 0; i--) {
            if (state.phases().get(i).plan().rollbackTarget()) {
                return state.phases().get(i).name();
            }
        }
        throw new IllegalStateException("The plan has no rollback target before " + state.currentPhaseName());
    }
}
