package com.rolloutcontrolroom.domain.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.GateOverridden;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.PlanAmended;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.journal.WarningAccepted;
import com.rolloutcontrolroom.domain.operator.Operator;

/**
 * A rollout as its journal says now: the one read model of a rollout, folded by {@link RolloutHistory}.
 * The GUI, the CLI and the report all read this; nothing else keeps rollout state.
 *
 * @param currentIndex index of the current phase in {@code phases}; {@code phases.size()} when done
 * @param testOutcomes the test runs people recorded, oldest first, each with the phase it was recorded in
 * @param lastRecordId the last journal record of this rollout; a write is refused if it moved meanwhile
 * @param problems     records the fold could not apply, in words (shown, never thrown)
 */
public record RolloutState(String rollout, RolloutPlan plan, Instant createdAt, Operator createdBy,
                           List<PhaseState> phases, int currentIndex, List<PhaseVisit> visits,
                           List<Recorded<SnapshotTaken>> snapshots, List<Recorded<GateOverridden>> overrides,
                           List<Recorded<RollbackPerformed>> rollbacks, List<Recorded<IssueLogged>> issues,
                           List<Recorded<SignedOff>> signOffs, List<Recorded<PlanAmended>> amendments,
                           List<Recorded<WarningAccepted>> acceptedWarnings,
                           List<Recorded<TestOutcomeRecorded>> testOutcomes,
                           long lastRecordId, List<String> problems) {

    public RolloutState {
        phases = List.copyOf(phases);
        visits = List.copyOf(visits);
        snapshots = List.copyOf(snapshots);
        overrides = List.copyOf(overrides);
        rollbacks = List.copyOf(rollbacks);
        issues = List.copyOf(issues);
        signOffs = List.copyOf(signOffs);
        amendments = List.copyOf(amendments);
        acceptedWarnings = List.copyOf(acceptedWarnings);
        testOutcomes = List.copyOf(testOutcomes);
        problems = List.copyOf(problems);
    }

    public boolean isDone() {
        return currentIndex >= phases.size();
    }

    public Optional<PhaseState> current() {
        return isDone() ? Optional.empty() : Optional.of(phases.get(currentIndex));
    }

    public Optional<PhaseState> next() {
        return currentIndex + 1 < phases.size() ? Optional.of(phases.get(currentIndex + 1)) : Optional.empty();
    }

    /** The current phase's name, or {@link RolloutPhases#DONE}. */
    public String currentPhaseName() {
        return current().map(PhaseState::name).orElse(RolloutPhases.DONE);
    }

    /** The phase promotion leads to: the next phase's name, or {@link RolloutPhases#DONE} from the last. */
    public String nextPhaseName() {
        return next().map(PhaseState::name).orElse(RolloutPhases.DONE);
    }

    public Optional<PhaseState> phase(String name) {
        return phases.stream().filter(phase -> phase.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Snapshots taken while the rollout was in {@code phase} that served a scheduled checkpoint. */
    public List<Recorded<SnapshotTaken>> checkpointsTaken(String phase) {
        return snapshots.stream()
                .filter(s -> s.entry().checkpoint() != null && phase.equalsIgnoreCase(s.phase()))
                .toList();
    }
}
