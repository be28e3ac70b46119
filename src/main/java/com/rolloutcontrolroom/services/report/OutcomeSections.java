package com.rolloutcontrolroom.services.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

/** "Test Outcomes" (the commands and results people recorded), "Rollback Log" and "Issues & Resolutions". */
final class OutcomeSections {

    private OutcomeSections() {
    }

    static void testOutcomes(ReportContext report, Markdown md) {
        md.heading(2, "Test Outcomes (Pre-Implementation)");
        md.heading(3, "Automated Tests");
        List<Recorded<TestOutcomeRecorded>> outcomes = report.state().testOutcomes();
        if (outcomes.isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": this journal holds no test outcomes (commands and results) for "
                    + report.state().rollout() + ".");
        } else {
            md.table(List.of("Ran At", "Command", "Result", "Summary", "Environment", "Recorded"), outcomes.stream().map(recorded -> {
                TestOutcomeRecorded outcome = recorded.entry();
                return List.of(ReportText.time(outcome.ranAt()), Markdown.code(ReportText.withoutSecrets(outcome.command())),
                        (outcome.passed() ? "✅ " : "❌ ") + outcome.outcome().word(), ReportText.withoutSecrets(outcome.summary()),
                        outcome.environment() == null ? "none given" : outcome.environment(),
                        "by " + ReportText.who(outcome.operator()) + " at " + ReportText.time(outcome.recordedAt()) + " in "
                                + (recorded.phase() == null ? "no phase" : recorded.phase()) + " (record " + ReportText.record(recorded.id())
                                + (recorded.corrected() ? ", corrected later" : "") + ")");
            }).toList());
        }
        md.rule();
    }

    /** Commands whose latest recorded run failed: known issues until a later run of the same command passes. */
    static List<Recorded<TestOutcomeRecorded>> stillFailing(ReportContext report) {
        Map<String, Recorded<TestOutcomeRecorded>> latest = new LinkedHashMap<>();
        report.state().testOutcomes().forEach(outcome -> {
            latest.remove(outcome.entry().command());
            latest.put(outcome.entry().command(), outcome);
        });
        return latest.values().stream().filter(outcome -> !outcome.entry().passed()).toList();
    }

    static void rollbackLog(ReportContext report, Markdown md) {
        RolloutState state = report.state();
        md.heading(2, "Rollback Log");
        if (state.rollbacks().isEmpty()) {
            md.paragraph("No rollbacks were recorded in the journal.");
        } else {
            md.table(List.of("Date/Time", "Environment", "Reason", "Actions Taken", "Outcome", "Recorded"),
                    state.rollbacks().stream().map(OutcomeSections::rollback).toList());
        }
        md.rule();
    }

    private static List<String> rollback(Recorded<RollbackPerformed> recorded) {
        RollbackPerformed rollback = recorded.entry();
        return List.of(ReportText.time(rollback.occurredAt()), rollback.environment(), rollback.reason(), rollback.actionsTaken(),
                rollback.outcome(), "by " + ReportText.who(rollback.operator()) + " at " + ReportText.time(rollback.recordedAt())
                        + " in " + (recorded.phase() == null ? "no phase" : recorded.phase()) + " (record " + ReportText.record(recorded.id())
                        + (recorded.corrected() ? ", corrected later" : "") + ")");
    }

    static void issues(ReportContext report, Markdown md) {
        RolloutState state = report.state();
        md.heading(2, "Issues & Resolutions");
        if (state.issues().isEmpty()) {
            md.paragraph("No issues were recorded in the journal.");
        } else {
            md.table(List.of("Issue #", "Discovered", "Environment", "Description", "Resolution", "Resolved"),
                    state.issues().stream().map(OutcomeSections::issue).toList());
        }
        md.rule();
    }

    private static List<String> issue(Recorded<IssueLogged> recorded) {
        IssueLogged issue = recorded.entry();
        return List.of(ReportText.record(recorded.id()) + (recorded.corrected() ? " (updated by a correction)" : ""),
                ReportText.time(issue.discoveredAt()), issue.environment(), issue.description(),
                issue.isResolved() ? issue.resolution() : "unresolved",
                issue.isResolved() ? ReportText.time(issue.resolvedAt()) : "open");
    }
}
