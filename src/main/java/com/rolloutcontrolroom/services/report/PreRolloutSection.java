package com.rolloutcontrolroom.services.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.Recorded;

/**
 * "Pre-Rollout Verification": the checklist of the phases before the first deploy (seed 000 splits it
 * into infrastructure checks and documentation deliverables), and the baseline.
 */
final class PreRolloutSection {

    /** The items seed 000 lists under "Documentation Deliverables" rather than "Infrastructure Checks". */
    private static final Set<String> DOCUMENTATION = Set.of("Main Runbook", "Staging Commands", "Production Commands",
            "SQL Queries", "Quick Reference");

    private PreRolloutSection() {
    }

    static void write(ReportContext report, List<PhaseState> before, Markdown md) {
        md.heading(2, "Pre-Rollout Verification");
        for (PhaseState phase : before) {
            md.paragraph(Markdown.bold(phase.name()) + ": " + StatusSection.status(phase, PhaseRun.of(report.state(), phase.name()))
                    + (phase.startedAt() == null ? "" : ", from " + ReportText.time(phase.startedAt()))
                    + (phase.endedAt() == null ? "" : " to " + ReportText.time(phase.endedAt()) + " ("
                    + PlanDuration.words(phase.duration(report.asOf()).orElseThrow()) + ")") + ".");
        }
        md.heading(3, "Infrastructure Checks");
        items(before, false, md);
        baseline(report, md);
        md.heading(3, "Documentation Deliverables");
        items(before, true, md);
        List<Recorded<SnapshotTaken>> early = report.state().snapshots().stream().filter(s -> s.phase() == null).toList();
        if (!early.isEmpty()) {
            md.heading(3, "Evidence Recorded Before the Rollout Was Created");
            PhaseSection.snapshotTable(early, md);
        }
        md.rule();
    }

    /** Each checklist item as seed 000 writes it: "✅ **label**: what happened". */
    private static void items(List<PhaseState> phases, boolean documentation, Markdown md) {
        boolean any = false;
        for (PhaseState phase : phases) {
            for (String item : phase.plan().checklist()) {
                if (DOCUMENTATION.contains(item) != documentation) {
                    continue;
                }
                any = true;
                String tick = phase.tick(item).map(ReportText::tick).orElse("not ticked");
                md.bullet((phase.isTicked(item) ? "✅ " : "⬜ ") + Markdown.bold(item) + ": " + tick);
            }
        }
        if (!any) {
            md.paragraph(ReportText.NOT_RECORDED + ": the plan's " + (documentation ? "documentation" : "pre-rollout")
                    + " checklist has no such items.");
        }
    }

    private static void baseline(ReportContext report, Markdown md) {
        md.heading(3, "Baseline Metrics (Pre-Rollout)");
        Baseline.Found found = Baseline.find(report.state().snapshots(), report.rolloutStarted());
        Optional<Baseline> baseline = found.baseline();
        if (baseline.isEmpty()) {
            md.lines(List.of(Markdown.bold("Data captured") + ": " + ReportText.NOT_RECORDED,
                    Markdown.bold("Time range") + ": the 24 h before the first deployment marker"));
            md.paragraph(Markdown.bold("Event Breakdown") + " (Top 10): " + ReportText.NOT_RECORDED + ": " + found.whyNot() + ".");
            return;
        }
        Baseline b = baseline.get();
        SnapshotTaken snapshot = b.snapshot().entry();
        md.lines(List.of(Markdown.bold("Data captured") + ": " + ReportText.time(snapshot.startedAt()) + " by "
                        + ReportText.who(snapshot.operator()) + " in " + snapshot.environment() + " (snapshot "
                        + ReportText.record(b.snapshot().id()) + ", query " + Markdown.code(b.query().name()) + ")",
                Markdown.bold("Time range") + ": " + ReportText.time(b.windowStart()) + " to " + ReportText.time(b.windowEnd())
                        + " (" + Baseline.hours(b.window()) + ")"));
        if (b.rows().rows().isEmpty()) {
            md.paragraph(Markdown.bold("Event Breakdown") + " (Top 10): the query returned no events in that window.");
            return;
        }
        md.paragraph(Markdown.bold("Event Breakdown") + " (Top 10): " + ReportText.count(b.total()) + " events in these rows.");
        md.table(List.of("Source", "Event Type", "Count"), b.breakdown());
    }
}
