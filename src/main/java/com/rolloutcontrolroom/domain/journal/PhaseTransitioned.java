package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * A rollout moved to another phase: its deployment marker. Phases are kept as their names (the plan's
 * data), so renaming a phase in a later plan never invalidates old records. A move to an earlier phase
 * is the second half of a rollback and is written with it.
 *
 * @param environment      where the flags went live; null for a phase that deploys nothing
 * @param fromPhase        the phase the rollout left; null for the first
 * @param deploymentMarker the moment the phase's flags went live: T+0 of its monitoring schedule
 * @param deployedBy       who deployed (may differ from the operator who recorded it)
 */
public record PhaseTransitioned(Instant recordedAt, Operator operator, String environment, String rollout,
                                String fromPhase, String toPhase, Instant deploymentMarker, String deploymentUrl,
                                String deployedBy, String note) implements JournalEntry {

    public PhaseTransitioned {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.optionalText(environment);
        rollout = Require.text(rollout, "Rollout name");
        fromPhase = Require.optionalText(fromPhase);
        toPhase = Require.text(toPhase, "Target phase");
        deploymentMarker = Require.time(deploymentMarker, "Deployment marker time");
        deploymentUrl = Require.optionalText(deploymentUrl);
        deployedBy = Require.text(deployedBy, "Deployed-by name");
        note = Require.optionalText(note);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PHASE_TRANSITION;
    }
}
