package com.rolloutcontrolroom.services.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.NextAction;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PhaseStatus;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.signoff.SignOffCoverage;
import com.rolloutcontrolroom.domain.signoff.SignOffReview;

/** The front matter, the title and "Rollout Status" with the timeline table and the charts. */
final class StatusSection {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StatusSection() {
    }

    static void write(ReportContext report, Markdown md) {
        RolloutState state = report.state();
        // one person once, as first spelt: names compare as the sign-off review compares them
        Map<String, String> people = new LinkedHashMap<>();
        report.signOffs().coverage().stream().filter(SignOffCoverage::inForce).map(c -> c.signOff().entry().name())
                .forEach(name -> people.putIfAbsent(SignOffReview.person(name), name));
        List<String> reviewers = people.values().stream().map(StatusSection::yaml).toList();
        md.raw("---\n"
                + "task: " + yaml(state.rollout()) + "\n"
                + "timestamp_utc: " + ISO.format(report.asOf()) + "\n"
                + "owner: " + yaml(ReportText.who(state.createdBy())) + "\n"
                + "reviewers: [" + String.join(", ", reviewers) + "]\n"
                + "flags: [" + String.join(", ", state.plan().flags().stream().map(StatusSection::yaml).toList()) + "]\n"
                + "rollout_started: " + (report.rolloutStarted() == null ? yaml(ReportText.NOT_RECORDED) : ISO.format(report.rolloutStarted())) + "\n"
                + "journal_head: " + yaml(report.head().id() + ":" + report.head().hash()) + "\n"
                + "---\n");
        md.heading(1, "Verification Report: " + state.rollout());
        md.paragraph("Written from the rollout journal as of record " + ReportText.record(report.head().id()) + " (hash "
                + Markdown.code(report.head().hash()) + "), recorded " + ReportText.time(report.asOf())
                + ". Every value is read from the journal; \"" + ReportText.NOT_RECORDED + "\" marks what it does not hold. Times are UTC.");
        if (state.plan().description() != null) {
            md.paragraph(Markdown.bold("Plan") + ": " + state.plan().description());
        }
        md.heading(2, "Rollout Status");
        md.lines(List.of(Markdown.bold("Current Phase") + ": " + currentPhase(report),
                Markdown.bold("Next Action") + ": " + NextAction.of(state, report.asOf())));
        md.heading(3, "Rollout Timeline");
        md.table(List.of("Phase", "Status", "Started", "Completed", "Duration", "Notes"),
                state.phases().stream().map(phase -> timelineRow(report, phase)).toList());
        md.heading(3, "Metric Charts");
        md.paragraph("One point per snapshot (its window's rate, at the instant it measured); dashed lines are the plan's"
                + " thresholds, tinted bands its warning and red ranges, vertical lines the deployment markers, and the"
                + " marks under the plot the scheduled checkpoints coloured by verdict (hollow: missed).");
        md.paragraph("![Coordinator success rate per snapshot](" + ReportCharts.SUCCESS_PATH + ")");
        md.paragraph("![Manual-review rate per snapshot](" + ReportCharts.REVIEW_PATH + ")");
        md.rule();
    }

    private static String currentPhase(ReportContext report) {
        RolloutState state = report.state();
        if (state.isDone()) {
            return "✅ Done: every phase of the plan is complete";
        }
        PhaseState current = state.current().orElseThrow();
        GateStatus gate = PhaseGates.current(state, report.asOf());
        return "🔄 " + current.name() + (current.startedAt() == null ? "" : ", since " + ReportText.time(current.startedAt()))
                + "; its " + current.plan().gate().kind().code() + " gate as of the journal head: " + gate.result().label()
                + (gate.reasons().isEmpty() ? "" : " (" + gate.reasons().get(0) + ")");
    }

    private static List<String> timelineRow(ReportContext report, PhaseState phase) {
        List<PhaseRun> runs = PhaseRun.of(report.state(), phase.name());
        PhaseRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        String started = phase.startedAt() != null ? ReportText.time(phase.startedAt())
                : last != null ? ReportText.time(last.start()) : "not started";
        String completed = phase.endedAt() != null ? ReportText.time(phase.endedAt())
                : phase.status() == PhaseStatus.CURRENT ? "in progress"
                : last != null && last.end() != null ? ReportText.time(last.end()) : "not started";
        String duration = phase.startedAt() != null ? PlanDuration.words(phase.duration(report.asOf()).orElseThrow())
                : last != null ? PlanDuration.words(last.duration(report.asOf())) : "not started";
        return List.of(Markdown.bold(phase.name()), status(phase, runs), started, completed, duration, notes(report, phase, runs));
    }

    static String status(PhaseState phase, List<PhaseRun> runs) {
        return switch (phase.status()) {
            case DONE -> "✅ Complete";
            case CURRENT -> "🔄 In progress";
            case NEXT, PENDING -> runs.stream().anyMatch(PhaseRun::rolledBack) ? "↩️ Rolled back" : "⏳ Pending";
        };
    }

    private static String notes(ReportContext report, PhaseState phase, List<PhaseRun> runs) {
        List<String> notes = new ArrayList<>();
        for (PhaseRun run : runs) {
            if (run.entered() != null) {
                notes.add((run.entered().backwards() ? "returned by rollback" : "deployed by " + run.entered().deployedBy())
                        + " (marker " + ReportText.record(run.entered().recordId()) + ")"
                        + (run.entered().note() == null ? "" : ": " + run.entered().note()));
            }
            if (run.rolledBack()) {
                notes.add("rolled back to " + run.left().toPhase() + " at " + ReportText.time(run.end()) + " after "
                        + PlanDuration.words(run.duration(report.asOf())) + " (marker " + ReportText.record(run.left().recordId()) + ")");
            }
        }
        if (!phase.plan().checklist().isEmpty()) {
            long ticked = phase.plan().checklist().stream().filter(phase::isTicked).count();
            notes.add("checklist " + ticked + " of " + phase.plan().checklist().size() + " ticked");
        }
        String joined = String.join("; ", notes);
        return notes.isEmpty() ? "nothing recorded" : joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1);
    }

    /** A YAML scalar in double quotes (JSON escaping is valid YAML), so a name with ':' or '#' stays one value. */
    static String yaml(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
