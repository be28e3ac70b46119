package com.rolloutcontrolroom.services.report;

import java.util.List;

import com.rolloutcontrolroom.domain.journal.StoredEntry;

/**
 * The verification report (seed 000's structure) of one rollout as a pure function of its journal: no
 * clock, no database, no host lookups, UTC and {@code Locale.ROOT} throughout, so the same records give
 * byte-identical markdown, HTML and PNGs. That is what lets a verifier re-render the report from an
 * evidence bundle's journal and compare it with the report the bundle carries. The report is "as of"
 * the journal head: the latest record given stands in for a clock.
 */
public final class VerificationReportWriter {

    /**
     * @param records the journal's records (the whole journal, or at least this rollout's records and the head), any order
     * @param rollout the rollout's name
     * @return the markdown, the HTML rendered from it, and the chart PNGs by their paths relative to the report
     * @throws IllegalArgumentException when the records hold no creation of that rollout
     */
    public ReportFiles write(List<StoredEntry> records, String rollout) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("The journal has no records; there is no rollout to report on.");
        }
        ReportContext report = ReportContext.of(records, rollout);
        String markdown = ReportMarkdown.of(report);
        return new ReportFiles(markdown, ReportHtml.of(markdown, "Verification Report: " + rollout), ReportCharts.render(report));
    }
}
