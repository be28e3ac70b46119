package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.domain.rollout.PhaseState;

/** "2 of 3 ticked": how complete a phase's pre-phase checklist is. */
final class ChecklistCount {

    private ChecklistCount() {
    }

    static int ticked(PhaseState phase) {
        return phase.plan().checklist().size() - phase.uncheckedChecklist().size();
    }

    static String of(PhaseState phase) {
        return ticked(phase) + " of " + phase.plan().checklist().size() + " ticked";
    }
}
