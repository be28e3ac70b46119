package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * A rollout moved to another phase. Phases are kept as their display names rather than an enum so
 * that renaming a phase in a later version never invalidates old records.
 *
 * @param deploymentMarker the moment the phase's flags went live: T+0 of its monitoring schedule
 * @param deployedBy       who deployed (may differ from the operator who recorded it)
 */
public record PhaseTransitioned(Instant recordedAt, Operator operator, String environment, String rollout,
                                String fromPhase, String toPhase, Instant deploymentMarker, String deploymentUrl,
                                String deployedBy) implements JournalEntry {

    public PhaseTransitioned {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.text(environment, "Environment");
        rollout = Require.text(rollout, "Rollout name");
        fromPhase = Require.optionalText(fromPhase);
        toPhase = Require.text(toPhase, "Target phase");
        deploymentMarker = Require.time(deploymentMarker, "Deployment marker time");
        deploymentUrl = Require.optionalText(deploymentUrl);
        deployedBy = Require.text(deployedBy, "Deployed-by name");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PHASE_TRANSITION;
    }
}
