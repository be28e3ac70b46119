package com.rolloutcontrolroom.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;

/**
 * One planned checkpoint of one run of a phase (a phase entered again after a rollback has its schedule again).
 *
 * @param visitMarker  the deployment marker the schedule counts from
 * @param taken        the snapshot that served it, when it was taken
 * @param attempts     the scheduler's attempts that could not reach the database, oldest first
 * @param nextAttempt  when {@link CheckpointState#RETRYING}, the earliest next attempt; else null
 */
public record LedgerEntry(String phase, Instant visitMarker, ScheduledCheckpoint planned, Instant due,
                          CheckpointState state, Recorded<SnapshotTaken> taken,
                          List<Recorded<SnapshotTaken>> attempts, Instant nextAttempt) {

    public LedgerEntry {
        attempts = List.copyOf(attempts);
    }

    /** "T+6h". */
    public String label() {
        return planned.label();
    }

    public CheckpointKind kind() {
        return planned.kind();
    }

    /** How late it was taken (when it actually ran against when it was due); empty unless taken late. */
    public Optional<Duration> lateBy() {
        if (state != CheckpointState.TAKEN_LATE) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(due, taken.entry().startedAt()));
    }

    /** Whether the scheduler should take it now: due and untaken, or its retry has come. */
    public boolean toTake(Instant now) {
        return switch (state) {
            case DUE, OVERDUE -> true;
            case RETRYING -> !nextAttempt.isAfter(now);
            default -> false;
        };
    }

    /** "T+6h Full query suite of Staging full: taken late, 2 h 3 min after it was due, as of its due time". */
    public String describe() {
        return label() + " " + kind().label() + " of " + phase + ": " + status();
    }

    /** Where it stands, in words: "taken late, 2 h 3 min after it was due, as of its due time", "pending". */
    public String status() {
        return switch (state) {
            case TAKEN_LATE -> "taken late, " + PlanDuration.words(lateBy().orElseThrow()) + " after it was due, as of its due time";
            case RETRYING -> attempts.size() + " attempt" + (attempts.size() == 1 ? "" : "s")
                    + " could not reach the database; retrying";
            case ERROR -> "ERROR, " + attempts.size() + " attempts could not reach the database";
            case MISSED -> "MISSED, the phase ended before it was taken";
            default -> state.label().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
