package com.rolloutcontrolroom.services.rollout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutHistory;
import com.rolloutcontrolroom.domain.rollout.RolloutMoves;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.signoff.SignOffRecorder;

/**
 * The rollouts of one data folder: read from the journal (the state is always a fresh fold, never a
 * cache) and changed only by appending the records a {@link RolloutMoves} move gives. Each change is
 * written against the state the user decided on: if another process recorded to the rollout
 * meanwhile, nothing is written. Blocking I/O: call off the FX thread.
 */
public final class Rollouts {

    /** A clock a few minutes off is not a typo; a run time further ahead is. */
    private static final java.time.Duration RUN_TIME_TOLERANCE = java.time.Duration.ofMinutes(5);

    private final JournalAccess journal;
    private final OperatorIdentity operator;
    private final Clock clock;

    public Rollouts(JournalAccess journal, OperatorIdentity operator, Clock clock) {
        this.journal = journal;
        this.operator = operator;
        this.clock = clock;
    }

    /** Rollout names in the order they were created. */
    public List<String> names() {
        // looking must not create a journal: a data folder without one still opens on the demo
        if (!journal.exists()) {
            return List.of();
        }
        return RolloutHistory.rolloutNames(journal.reader().entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED)));
    }

    public Optional<RolloutState> state(String rollout) {
        return RolloutHistory.fold(rollout, records(rollout));
    }

    /** The state, or a one-sentence refusal naming the rollouts there are. */
    public RolloutState require(String rollout) {
        return state(rollout).orElseThrow(() -> new MoveRefused(names().isEmpty()
                ? "There is no rollout '" + rollout + "' in this data folder; create one with `rollout new`."
                : "There is no rollout '" + rollout + "'; pick one of " + String.join(", ", names()) + "."));
    }

    /** Journals the whole plan; the rollout starts in its first phase. */
    public RolloutState create(RolloutPlan plan) {
        if (names().contains(plan.rollout())) {
            throw new MoveRefused("A rollout named " + plan.rollout() + " already exists in this data folder; pick another"
                    + " name or make it current.");
        }
        // records of this flag from before rollouts existed (snapshots, rollback rows) stay its evidence
        long last = records(plan.rollout()).stream().mapToLong(StoredEntry::id).max().orElse(0);
        RolloutCreated created = new RolloutCreated(now(), operator.current(), plan.rollout(), plan.flags(),
                plan.description(), PlanTree.write(plan));
        journal.writer().appendAll(plan.rollout(), last, List.of(created));
        return require(plan.rollout());
    }

    public RolloutState tick(RolloutState seen, String phase, String item, boolean ticked) {
        return write(seen, moves().tick(seen, phase, item, ticked));
    }

    public RolloutState promote(RolloutState seen, DeploymentMarker marker) {
        return write(seen, moves().promote(seen, marker));
    }

    public RolloutState override(RolloutState seen, DeploymentMarker marker, String reason, String approver) {
        return write(seen, moves().override(seen, marker, reason, approver));
    }

    public RolloutState rollback(RolloutState seen, String targetPhase, Instant occurredAt, String reason,
                                 String actionsTaken, String outcome) {
        return write(seen, guarded(() -> moves().rollback(seen, targetPhase, occurredAt, reason, actionsTaken, outcome)));
    }

    public RolloutState acceptWarning(RolloutState seen, String who, String reason) {
        return write(seen, moves().acceptWarning(seen, who, reason));
    }

    public RolloutState amend(RolloutState seen, RolloutPlan amended, String reason) {
        return write(seen, moves().amend(seen, amended, reason));
    }

    /**
     * Journals a test run a person reports: the exact command or suite, whether it passed and its result
     * line. A run time ahead of the clock is refused, like a deployment marker's.
     *
     * @param ranAt when it ran; null for now
     */
    public RolloutState recordTestOutcome(RolloutState seen, String environment, String command, TestOutcome outcome,
                                          String summary, Instant ranAt) {
        Instant now = now();
        Instant ran = ranAt == null ? now : ranAt;
        if (ran.isAfter(now.plus(RUN_TIME_TOLERANCE))) {
            throw new MoveRefused("The run time " + ran + " is in the future; enter when the tests actually ran.");
        }
        return write(seen, guarded(() -> List.of(TestOutcomeRecorded.masked(now, operator.current(), environment,
                seen.rollout(), command, outcome, summary, ran))));
    }

    public Instant now() {
        return Instant.now(clock);
    }

    /** Sign-offs of these rollouts, in the same journal, by the same operator, on the same clock. */
    public SignOffRecorder signOffs() {
        return new SignOffRecorder(journal, operator, clock);
    }

    private RolloutMoves moves() {
        return new RolloutMoves(operator.current(), now());
    }

    private RolloutState write(RolloutState seen, List<JournalEntry> entries) {
        journal.writer().appendAll(seen.rollout(), seen.lastRecordId(), entries);
        return require(seen.rollout());
    }

    /** A record's own checks (a blank rollback reason) refuse a move just like the state machine does. */
    private static List<JournalEntry> guarded(java.util.function.Supplier<List<JournalEntry>> move) {
        try {
            return move.get();
        } catch (IllegalArgumentException e) {
            throw new MoveRefused(e.getMessage());
        }
    }

    private List<StoredEntry> records(String rollout) {
        if (!journal.exists()) {
            return List.of();
        }
        return journal.reader().entries(JournalQuery.all().inRollout(rollout));
    }
}
