package com.rolloutcontrolroom.ui.dashboard;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rolloutcontrolroom.domain.journal.EntrySummary;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;

/** The dashboard's sentences about a rollout, from its read model: pure, so a test reads them without a window. */
final class CutoverText {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Set<CheckpointState> CALLED_OUT = Set.of(CheckpointState.TAKEN_LATE, CheckpointState.OVERDUE,
            CheckpointState.MISSED, CheckpointState.ERROR);

    private CutoverText() {
    }

    /** The verdict word, large: "PASS", "NOT YET", "FAIL". */
    static String verdictWord(GateStatus gate) {
        return gate.result().label().toUpperCase(Locale.ROOT);
    }

    /** "Gate of Staging full", or that the rollout is done. */
    static String gateTitle(RolloutState state) {
        return state.current().map(phase -> "Gate of " + phase.name() + " (" + phase.plan().gate().kind().name()
                .toLowerCase(Locale.ROOT) + ")").orElse("The rollout is done: no gate left");
    }

    /** Why the gate says what it says; a passing gate with nothing to say says so. */
    static List<String> reasons(GateStatus gate) {
        return gate.reasons().isEmpty() ? List.of("Every condition of this gate holds.") : gate.reasons();
    }

    /** On a shared screen the worst few are enough; the Rollout screen lists them all. */
    static final int MOST_CALLOUTS = 2;

    /**
     * Late, missed and failed checkpoints of the whole rollout, in the ledger's words: missed and failed
     * first, then overdue, then taken late, at most {@link #MOST_CALLOUTS} and a line for the rest.
     */
    static List<String> callouts(CheckpointLedger ledger) {
        List<String> all = ledger.entries().stream().filter(entry -> CALLED_OUT.contains(entry.state()))
                .sorted(java.util.Comparator.comparingInt(entry -> SEVERITY.indexOf(entry.state())))
                .map(LedgerEntry::describe).toList();
        if (all.size() <= MOST_CALLOUTS) {
            return all;
        }
        List<String> shown = new java.util.ArrayList<>(all.subList(0, MOST_CALLOUTS));
        int more = all.size() - MOST_CALLOUTS;
        shown.add("… and " + more + " more late or missed checkpoint" + (more == 1 ? "" : "s") + ": the Rollout screen lists them all.");
        return shown;
    }

    private static final List<CheckpointState> SEVERITY = List.of(CheckpointState.MISSED, CheckpointState.ERROR,
            CheckpointState.OVERDUE, CheckpointState.TAKEN_LATE);

    /** "T+6h Full query suite of Staging full, due Dec 5 20:05 UTC". */
    static String checkpoint(LedgerEntry next) {
        return next.label() + " " + next.kind().label() + " of " + next.phase() + ", due " + WHEN.format(next.due());
    }

    /** The latest snapshot of the rollout: when, for which checkpoint (or by hand), where, its verdict and rates. */
    static String latestSnapshot(RolloutState state) {
        if (state.snapshots().isEmpty()) {
            return "No snapshot recorded to " + state.rollout() + " yet: Run now takes one.";
        }
        Recorded<SnapshotTaken> latest = state.snapshots().get(state.snapshots().size() - 1);
        SnapshotTaken snapshot = latest.entry();
        String which = snapshot.checkpoint() == null ? "run by hand" : "checkpoint " + snapshot.checkpoint();
        return "Latest snapshot " + WHEN.format(snapshot.startedAt()) + ", " + which + " on " + snapshot.environment() + ": "
                + EntrySummary.of(snapshot);
    }
}
