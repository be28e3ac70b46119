package com.rolloutcontrolroom.ui.dashboard;

import java.util.Optional;

import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

/** Which configured environment the dashboard reads for a rollout: the current phase's, as its checkpoints do. */
final class WatchedEnvironment {

    private WatchedEnvironment() {
    }

    /**
     * The current phase's environment; a phase that deploys nothing (Preparation, Legacy cleanup) is watched
     * on the environment the rollout last deployed to, or else on the plan's first.
     */
    static Optional<String> of(RolloutState state) {
        Optional<String> current = state.current().map(phase -> state.plan().environmentOf(phase.plan()));
        if (current.isPresent()) {
            return current;
        }
        Optional<String> last = state.visits().stream().map(PhaseVisit::environment).filter(e -> e != null)
                .reduce((a, b) -> b);
        return last.or(() -> state.plan().environments().stream().findFirst().map(PlanEnvironment::environment));
    }
}
