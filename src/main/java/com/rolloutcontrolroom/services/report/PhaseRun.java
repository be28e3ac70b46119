package com.rolloutcontrolroom.services.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

/**
 * One run of a phase, from the marker that entered it to the marker that left it: a phase rolled back
 * and entered again has two, and the read model keeps only the latest start, so the report reads the
 * markers themselves to show the earlier runs too.
 *
 * @param entered the marker that entered it; null for the first phase's run from the rollout's creation
 * @param left    the marker that left it; null while it runs
 */
record PhaseRun(String phase, Instant start, PhaseVisit entered, PhaseVisit left) {

    static List<PhaseRun> of(RolloutState state) {
        List<PhaseRun> runs = new ArrayList<>();
        List<PhaseVisit> visits = state.visits();
        String first = state.plan().phases().get(0).name();
        PhaseVisit firstLeft = visits.isEmpty() ? null : visits.get(0);
        // the first phase began when the rollout was written down, unless it was left before that (adopted mid-way)
        if (state.phases().get(0).startedAt() != null || firstLeft == null) {
            runs.add(new PhaseRun(first, state.createdAt(), null, firstLeft));
        }
        for (int i = 0; i < visits.size(); i++) {
            PhaseVisit visit = visits.get(i);
            if (state.plan().indexOf(visit.toPhase()) >= 0) {
                runs.add(new PhaseRun(state.plan().phase(visit.toPhase()).orElseThrow().name(), visit.marker(), visit,
                        i + 1 < visits.size() ? visits.get(i + 1) : null));
            }
        }
        return List.copyOf(runs);
    }

    static List<PhaseRun> of(RolloutState state, String phase) {
        return of(state).stream().filter(run -> run.phase().equalsIgnoreCase(phase)).toList();
    }

    Instant end() {
        return left == null ? null : left.marker();
    }

    boolean rolledBack() {
        return left != null && left.backwards();
    }

    Duration duration(Instant asOf) {
        Instant until = end() != null ? end() : asOf;
        Duration ran = Duration.between(start, until);
        return ran.isNegative() ? Duration.ZERO : ran;
    }
}
