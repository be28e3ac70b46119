package com.rolloutcontrolroom.services.report;

import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.journal.GateOverridden;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.WarningAccepted;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.rollout.DeploymentSteps;
import com.rolloutcontrolroom.domain.rollout.GateKind;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

/**
 * One phase of an environment's rollout as seed 000 lays it out: status and gate, pre-phase checklist,
 * deployment steps with the markers actually recorded, verification criteria, monitoring schedule and
 * the evidence captured.
 */
final class PhaseSection {

    private PhaseSection() {
    }

    static void write(ReportContext report, PhaseState phase, int number, Markdown md) {
        RolloutState state = report.state();
        List<PhaseRun> runs = PhaseRun.of(state, phase.name());
        md.heading(3, "Phase " + number + ": " + phase.name());
        md.lines(header(report, phase, runs));
        gate(report, phase, md);
        md.heading(4, "Pre-Phase Checklist");
        tasks(phase, phase.plan().checklist(), "pre-phase checklist", md);
        md.heading(4, "Deployment Steps");
        List<String> steps = DeploymentSteps.of(state.plan(), phase.plan());
        if (steps.isEmpty()) {
            md.paragraph("This phase deploys nothing: it sets no flags.");
        } else {
            md.code("bash", steps.stream().map(ReportText::withoutSecrets).toList());
        }
        markers(runs, md);
        md.heading(4, "Verification Criteria");
        List<Recorded<SnapshotTaken>> measured = latestRunSnapshots(state, runs);
        CriteriaTable.write(phase, measured, md);
        md.heading(4, "Monitoring Schedule");
        ScheduleTable.write(report, phase, md);
        md.heading(4, "Evidence to Capture");
        tasks(phase, phase.plan().evidence(), "evidence", md);
        List<Recorded<SnapshotTaken>> captured = state.snapshots().stream().filter(s -> phase.name().equalsIgnoreCase(s.phase())).toList();
        md.paragraph(Markdown.bold("Evidence captured") + ": " + (captured.isEmpty() ? "no snapshot was recorded in this phase."
                : captured.size() + (captured.size() == 1 ? " snapshot" : " snapshots") + " recorded in this phase."));
        if (!captured.isEmpty()) {
            snapshotTable(captured, md);
        }
        md.rule();
    }

    private static List<String> header(ReportContext report, PhaseState phase, List<PhaseRun> runs) {
        List<String> lines = new ArrayList<>();
        String period = phase.startedAt() == null ? (runs.isEmpty() ? "not deployed" : "last run " + ReportText.time(runs.get(runs.size() - 1).start())
                + " to " + ReportText.time(runs.get(runs.size() - 1).end()))
                : ReportText.time(phase.startedAt()) + " to " + (phase.endedAt() == null ? "now (in progress)" : ReportText.time(phase.endedAt()))
                + " (" + PlanDuration.words(phase.duration(report.asOf()).orElseThrow()) + ")";
        lines.add(Markdown.bold("Status") + ": " + StatusSection.status(phase, runs) + ", " + period);
        String environment = report.state().plan().environmentOf(phase.plan());
        lines.add(Markdown.bold("Environment") + ": " + (environment == null ? "none (deploys nothing)" : environment));
        lines.add(Markdown.bold("Expected Duration") + ": " + (phase.plan().minimumDuration() == null ? "no minimum in the plan"
                : "at least " + PlanDuration.words(phase.plan().minimumDuration())));
        return lines;
    }

    /** The gate as {@link PhaseGates} judges it at the journal head; a phase never entered is not judged. */
    private static void gate(ReportContext report, PhaseState phase, Markdown md) {
        PhaseGate planned = phase.plan().gate();
        String kind = planned.kind() == GateKind.METRICS ? "metrics, sustained " + PlanDuration.words(planned.sustained())
                : planned.kind().code();
        List<PhaseRun> runs = PhaseRun.of(report.state(), phase.name());
        if (phase.startedAt() == null && runs.isEmpty()) {
            md.paragraph(Markdown.bold("Gate") + " (" + kind + "): not judged; the phase has not been deployed.");
        } else if (phase.startedAt() == null) {
            md.paragraph(Markdown.bold("Gate") + " (" + kind + "): not judged; its last run ended in a rollback at "
                    + ReportText.time(runs.get(runs.size() - 1).end()) + " (its checkpoints are below, the rollback in the Rollback Log).");
        } else {
            GateStatus gate = PhaseGates.of(report.state(), phase, phase.endedAt() != null ? phase.endedAt() : report.asOf());
            md.paragraph(Markdown.bold("Gate") + " (" + kind + "), as of " + ReportText.time(phase.endedAt() != null ? phase.endedAt()
                    : report.asOf()) + ": " + gate.result().label());
            gate.reasons().forEach(md::bullet);
        }
        for (Recorded<GateOverridden> override : report.state().overrides()) {
            if (override.entry().phase().equalsIgnoreCase(phase.name())) {
                md.paragraph(Markdown.bold("Gate overridden") + " by " + override.entry().who() + " at "
                        + ReportText.time(override.entry().recordedAt()) + " (record " + ReportText.record(override.id()) + "): "
                        + override.entry().reason());
            }
        }
        for (Recorded<WarningAccepted> accepted : report.state().acceptedWarnings()) {
            if (accepted.entry().phase().equalsIgnoreCase(phase.name())) {
                md.paragraph(Markdown.bold("Warning accepted") + " by " + accepted.entry().who() + " at "
                        + ReportText.time(accepted.entry().recordedAt()) + " (record " + ReportText.record(accepted.id()) + "): "
                        + accepted.entry().reason() + "; the warnings: " + String.join(" ", accepted.entry().warnings()));
            }
        }
    }

    private static void markers(List<PhaseRun> runs, Markdown md) {
        List<PhaseVisit> entered = runs.stream().map(PhaseRun::entered).filter(v -> v != null).toList();
        if (entered.isEmpty()) {
            md.paragraph(Markdown.bold("Deployment marker") + ": " + ReportText.NOT_RECORDED + " (the phase was not deployed).");
            return;
        }
        for (PhaseVisit visit : entered) {
            md.bullet(Markdown.bold(visit.backwards() ? "Rollback marker" : "Deployment marker") + ": " + ReportText.time(visit.marker())
                    + " in " + (visit.environment() == null ? "no environment" : visit.environment()) + ", deployed by " + visit.deployedBy()
                    + ", URL " + (visit.deploymentUrl() == null ? ReportText.NOT_RECORDED : visit.deploymentUrl())
                    + (visit.note() == null ? "" : ", note: " + visit.note()) + "; recorded by " + ReportText.who(visit.recordedBy())
                    + " at " + ReportText.time(visit.recordedAt()) + " (record " + ReportText.record(visit.recordId()) + ")"
                    + (visit.corrected() ? ", corrected later" : ""));
        }
    }

    /** The snapshots of the phase's latest run that reached the database: what its criteria are measured by. */
    private static List<Recorded<SnapshotTaken>> latestRunSnapshots(RolloutState state, List<PhaseRun> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        PhaseRun last = runs.get(runs.size() - 1);
        long from = last.entered() == null ? 0 : last.entered().recordId();
        long until = last.left() == null ? Long.MAX_VALUE : last.left().recordId();
        return state.snapshots().stream()
                .filter(s -> s.id() > from && s.id() < until)
                .filter(s -> s.entry().scheduled() == null || s.entry().scheduled().databaseReached())
                .toList();
    }

    private static void tasks(PhaseState phase, List<String> items, String what, Markdown md) {
        if (items.isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": the plan lists no " + what + " items for this phase.");
            return;
        }
        for (String item : items) {
            md.task(phase.isTicked(item), item + " — " + phase.tick(item).map(ReportText::tick).orElse("not ticked")
                    + (phase.changedAfterStart(item) ? " (changed by a plan amendment after the phase started)" : ""));
        }
    }

    /** Snapshots as a table: what ran, when, by whom, its recorded verdict and rates. */
    static void snapshotTable(List<Recorded<SnapshotTaken>> snapshots, Markdown md) {
        md.table(List.of("Record", "Started", "Checkpoint", "Query Set", "Environment", "Captured By", "Verdict", "Success Rate",
                "Manual Review"), snapshots.stream().map(s -> {
                    SnapshotTaken snapshot = s.entry();
                    return List.of(ReportText.record(s.id()) + (s.corrected() ? " (corrected)" : ""), ReportText.time(snapshot.startedAt()),
                            snapshot.checkpoint() == null ? "on demand" : snapshot.checkpoint()
                                    + (snapshot.scheduled() != null && !snapshot.scheduled().databaseReached() ? " (attempt, database not reached)" : ""),
                            snapshot.querySet(), snapshot.environment(), ReportText.who(snapshot.operator()),
                            ReportText.outcome(ReportText.overall(snapshot)),
                            ReportText.rate(snapshot, MetricKind.SUCCESS_RATE).orElse("not measured"),
                            ReportText.rate(snapshot, MetricKind.MANUAL_REVIEW_RATE).orElse("not measured"));
                }).toList());
    }
}
