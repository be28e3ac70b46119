package com.rolloutcontrolroom.services.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.RolloutHistory;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.signoff.SignOffReview;

/**
 * What every section reads: the rollout's one read model, the journal head the report is "as of" (its
 * recorded time stands in for a clock, so the same journal always gives the same report), the checkpoint
 * ledger and the sign-off review at that instant.
 */
record ReportContext(RolloutState state, StoredEntry head, Instant asOf, CheckpointLedger ledger, SignOffReview signOffs) {

    static ReportContext of(List<StoredEntry> records, String rollout) {
        RolloutState state = RolloutHistory.fold(rollout, records).orElseThrow(() -> new IllegalArgumentException(
                "The journal has no rollout named " + rollout + "; name one it holds."));
        StoredEntry head = records.stream().max(Comparator.comparingLong(StoredEntry::id)).orElseThrow();
        Instant asOf = head.entry().recordedAt();
        return new ReportContext(state, head, asOf, CheckpointLedger.of(state, asOf), SignOffReview.of(state, records));
    }

    /** The first deployment marker: when the rollout started deploying; null before any. */
    Instant rolloutStarted() {
        return state.visits().stream().findFirst().map(PhaseVisit::marker).orElse(null);
    }
}
