package com.rolloutcontrolroom.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;

/**
 * Every planned checkpoint of a rollout and where it stands, derived from the journal alone (the plan,
 * the deployment markers and the scheduled snapshots) at a given instant. Nothing else stores it, so a
 * restart, a second process or a clock jump reads the same ledger and never takes a checkpoint twice.
 */
public final class CheckpointLedger {

    /** A checkpoint taken within this of its due time is on time; later it is taken late. */
    public static final Duration ON_TIME = Duration.ofMinutes(5);

    private final List<LedgerEntry> entries;

    private CheckpointLedger(List<LedgerEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static CheckpointLedger of(RolloutState state, Instant now) {
        return of(state, now, RetryPolicy.STANDARD);
    }

    public static CheckpointLedger of(RolloutState state, Instant now, RetryPolicy retries) {
        List<LedgerEntry> entries = new ArrayList<>();
        List<PhaseVisit> visits = state.visits();
        for (int i = 0; i < visits.size(); i++) {
            PhaseVisit visit = visits.get(i);
            Optional<PhasePlan> phase = state.plan().phase(visit.toPhase());
            if (phase.isEmpty() || phase.get().schedule().isEmpty()) {
                continue;
            }
            PhaseVisit next = i + 1 < visits.size() ? visits.get(i + 1) : null;
            for (ScheduledCheckpoint planned : phase.get().schedule()) {
                entries.add(entry(state, phase.get().name(), visit, next, planned, now, retries));
            }
        }
        return new CheckpointLedger(entries);
    }

    private static LedgerEntry entry(RolloutState state, String phase, PhaseVisit visit, PhaseVisit next,
                                     ScheduledCheckpoint planned, Instant now, RetryPolicy retries) {
        Instant due = visit.marker().plus(planned.offset());
        Instant ended = next == null ? null : next.marker();
        List<Recorded<SnapshotTaken>> served = state.snapshots().stream()
                .filter(s -> s.id() > visit.recordId() && (next == null || s.id() < next.recordId()))
                .filter(s -> s.entry().scheduled() != null && s.entry().scheduled().phase().equalsIgnoreCase(phase)
                        && planned.label().equals(s.entry().checkpoint()))
                .sorted(Comparator.comparingLong(Recorded::id))
                .toList();
        Optional<Recorded<SnapshotTaken>> taken = served.stream().filter(s -> s.entry().scheduled().databaseReached()).findFirst();
        List<Recorded<SnapshotTaken>> failed = served.stream()
                .filter(s -> !s.entry().scheduled().databaseReached())
                .filter(s -> taken.isEmpty() || s.id() < taken.get().id())
                .toList();
        CheckpointState status;
        Instant nextAttempt = null;
        if (taken.isPresent()) {
            boolean late = taken.get().entry().startedAt().isAfter(due.plus(ON_TIME));
            status = late ? CheckpointState.TAKEN_LATE : CheckpointState.TAKEN;
        } else if (failed.size() >= retries.attempts()) {
            status = CheckpointState.ERROR;
        } else if (ended != null && !due.isBefore(ended)) {
            status = CheckpointState.NOT_REACHED;
        } else if (ended != null) {
            status = CheckpointState.MISSED;
        } else if (due.isAfter(now)) {
            status = CheckpointState.PENDING;
        } else if (!failed.isEmpty()) {
            status = CheckpointState.RETRYING;
            nextAttempt = failed.get(failed.size() - 1).entry().startedAt().plus(retries.waitAfter(failed.size()));
        } else {
            status = now.isAfter(due.plus(ON_TIME)) ? CheckpointState.OVERDUE : CheckpointState.DUE;
        }
        return new LedgerEntry(phase, visit.marker(), planned, due, status, taken.orElse(null), failed, nextAttempt);
    }

    public List<LedgerEntry> entries() {
        return entries;
    }

    /** The checkpoints of the latest run of {@code phase}. */
    public List<LedgerEntry> latestVisit(String phase) {
        Optional<Instant> latest = entries.stream().filter(e -> e.phase().equalsIgnoreCase(phase))
                .map(LedgerEntry::visitMarker).reduce((a, b) -> b);
        return latest.map(marker -> entries.stream()
                        .filter(e -> e.phase().equalsIgnoreCase(phase) && e.visitMarker().equals(marker)).toList())
                .orElse(List.of());
    }

    /** Checkpoints to take now, oldest due first. */
    public List<LedgerEntry> toTake(Instant now) {
        return entries.stream().filter(e -> e.toTake(now)).sorted(Comparator.comparing(LedgerEntry::due)).toList();
    }

    /** The next checkpoint still to come, if any. */
    public Optional<LedgerEntry> next() {
        return entries.stream().filter(e -> e.state() == CheckpointState.PENDING).min(Comparator.comparing(LedgerEntry::due));
    }
}
