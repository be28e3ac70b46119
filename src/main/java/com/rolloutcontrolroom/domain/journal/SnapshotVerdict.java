package com.rolloutcontrolroom.domain.journal;

import java.util.List;
import java.util.Set;

/**
 * A verdict as journaled: kept as text so the journal stays readable if the verdict model grows.
 *
 * @param subject what was judged, e.g. "success rate" or "phase gate"
 * @param outcome PASS, WARN, FAIL, ERROR or NO_DATA
 */
public record SnapshotVerdict(String subject, String outcome, List<String> reasons) {

    private static final Set<String> OUTCOMES = Set.of("PASS", "WARN", "FAIL", "ERROR", "NO_DATA");

    public SnapshotVerdict {
        subject = Require.text(subject, "Verdict subject");
        outcome = Require.text(outcome, "Verdict outcome");
        if (!OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("Verdict outcome '" + outcome + "' is unknown; use PASS, WARN, FAIL, ERROR or NO_DATA.");
        }
        reasons = List.copyOf(Require.present(reasons, "Verdict reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("Verdict on " + subject + " has no reasons; a verdict always says why.");
        }
    }
}
