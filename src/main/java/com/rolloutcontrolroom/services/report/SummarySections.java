package com.rolloutcontrolroom.services.report;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;

/** "Success Criteria Summary", "Post-Rollout Actions" and "Known Issues". */
final class SummarySections {

    private SummarySections() {
    }

    static void successCriteria(ReportContext report, PhaseGroups groups, Markdown md) {
        md.heading(2, "Success Criteria Summary");
        if (groups.environments().isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": the plan has no phase that deploys.");
        }
        for (PhaseGroups.Group group : groups.environments()) {
            md.heading(3, group.title().replace(" Rollout", "") + " Success Criteria");
            for (PhaseState phase : group.phases()) {
                summary(report, phase, md);
            }
        }
        md.rule();
    }

    /** One line per phase: deployed or not, its gate as {@link PhaseGates} says, its checkpoints as the ledger has them. */
    private static void summary(ReportContext report, PhaseState phase, Markdown md) {
        List<PhaseRun> runs = PhaseRun.of(report.state(), phase.name());
        if (phase.startedAt() == null) {
            md.task(false, phase.name() + ": " + (runs.isEmpty() ? "not deployed"
                    : "rolled back at " + ReportText.time(runs.get(runs.size() - 1).end()) + "; its gate never passed"));
            return;
        }
        Instant at = phase.endedAt() != null ? phase.endedAt() : report.asOf();
        GateStatus gate = PhaseGates.of(report.state(), phase, at);
        List<LedgerEntry> checkpoints = report.ledger().latestVisit(phase.name());
        String schedule = checkpoints.isEmpty() ? "" : "; checkpoints: " + count(checkpoints, CheckpointState.TAKEN) + " on time, "
                + count(checkpoints, CheckpointState.TAKEN_LATE) + " late, "
                + (count(checkpoints, CheckpointState.MISSED) + count(checkpoints, CheckpointState.ERROR)) + " missed or in error, of "
                + checkpoints.size();
        boolean overridden = report.state().overrides().stream().anyMatch(o -> o.entry().phase().equalsIgnoreCase(phase.name()));
        md.task(gate.passes() && phase.endedAt() != null, phase.name() + ": deployed " + ReportText.time(phase.startedAt())
                + (phase.endedAt() == null ? ", still running" : ", left " + ReportText.time(phase.endedAt()))
                + "; gate " + gate.result().label() + (overridden ? " (overridden)" : "")
                + (gate.reasons().isEmpty() ? "" : ": " + gate.reasons().get(0)) + schedule);
    }

    private static long count(List<LedgerEntry> entries, CheckpointState state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }

    static void postRollout(ReportContext report, List<PhaseState> after, Markdown md) {
        md.heading(2, "Post-Rollout Actions");
        if (after.isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": the plan has no phase after the last deployment.");
        }
        for (PhaseState phase : after) {
            md.paragraph(Markdown.bold(phase.name()) + ": " + StatusSection.status(phase, PhaseRun.of(report.state(), phase.name()))
                    + (phase.startedAt() == null ? "" : ", since " + ReportText.time(phase.startedAt())) + ".");
            md.heading(3, "Immediate (After Production Success)");
            tasks(phase, phase.plan().checklist(), md);
            md.heading(3, "Follow-Up (Within 1 Week)");
            tasks(phase, Stream.concat(phase.plan().verificationCriteria().stream(), phase.plan().evidence().stream()).toList(), md);
        }
        md.rule();
    }

    private static void tasks(PhaseState phase, List<String> items, Markdown md) {
        if (items.isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": the plan lists no such items.");
        }
        items.forEach(item -> md.task(phase.isTicked(item), item + " — " + phase.tick(item).map(ReportText::tick).orElse("not ticked")));
    }

    static void knownIssues(ReportContext report, Markdown md) {
        md.heading(2, "Known Issues");
        List<Recorded<IssueLogged>> open = report.state().issues().stream().filter(i -> !i.entry().isResolved()).toList();
        List<Recorded<TestOutcomeRecorded>> failing = OutcomeSections.stillFailing(report);
        if (open.isEmpty() && report.state().problems().isEmpty() && failing.isEmpty()) {
            md.paragraph("No unresolved issues were recorded in the journal, and no recorded test command's latest run failed.");
        }
        for (Recorded<IssueLogged> issue : open) {
            md.bullet("Issue " + ReportText.record(issue.id()) + " (" + issue.entry().environment() + ", discovered "
                    + ReportText.time(issue.entry().discoveredAt()) + "): " + issue.entry().description());
        }
        for (Recorded<TestOutcomeRecorded> test : failing) {
            md.bullet("Test " + Markdown.code(ReportText.withoutSecrets(test.entry().command())) + " failed at its latest recorded run ("
                    + ReportText.time(test.entry().ranAt()) + ", record " + ReportText.record(test.id()) + "): "
                    + ReportText.withoutSecrets(test.entry().summary()));
        }
        for (String problem : report.state().problems()) {
            md.bullet("Journal: " + problem);
        }
        md.rule();
    }
}
