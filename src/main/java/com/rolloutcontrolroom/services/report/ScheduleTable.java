package com.rolloutcontrolroom.services.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;

/**
 * A phase's monitoring schedule as the checkpoint ledger has it at the journal head: per run of the phase,
 * each planned checkpoint with when it was due, who captured it and when, whether on time, late (by how
 * much) or missed, and the snapshot's recorded verdict and rates.
 */
final class ScheduleTable {

    private static final List<String> HEADERS = List.of("Checkpoint", "Query Set", "Due", "Captured By", "Captured At", "Status",
            "Verdict", "Success Rate", "Manual Review", "Record");

    private ScheduleTable() {
    }

    static void write(ReportContext report, PhaseState phase, Markdown md) {
        List<ScheduledCheckpoint> planned = phase.plan().schedule();
        if (planned.isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": the plan schedules no checkpoints for this phase.");
            return;
        }
        Map<Instant, List<LedgerEntry>> runs = new TreeMap<>();
        report.ledger().entries().stream().filter(e -> e.phase().equalsIgnoreCase(phase.name()))
                .forEach(e -> runs.computeIfAbsent(e.visitMarker(), k -> new ArrayList<>()).add(e));
        if (runs.isEmpty()) {
            md.paragraph("The phase has not been deployed; its checkpoints fall due from its deployment marker.");
            md.table(List.of("Checkpoint", "Query Set", "Status"), planned.stream()
                    .map(c -> List.of(c.label(), c.kind().label(), "⏳ Pending (phase not deployed)")).toList());
            return;
        }
        for (Map.Entry<Instant, List<LedgerEntry>> run : runs.entrySet()) {
            if (runs.size() > 1) {
                md.paragraph("Run from the deployment marker at " + ReportText.time(run.getKey()) + ":");
            }
            md.table(HEADERS, run.getValue().stream().map(ScheduleTable::row).toList());
        }
        long late = report.ledger().entries().stream()
                .filter(e -> e.phase().equalsIgnoreCase(phase.name()) && e.state() == CheckpointState.TAKEN_LATE).count();
        long missed = report.ledger().entries().stream()
                .filter(e -> e.phase().equalsIgnoreCase(phase.name())
                        && (e.state() == CheckpointState.MISSED || e.state() == CheckpointState.ERROR)).count();
        md.paragraph("A checkpoint is on time when taken within " + PlanDuration.words(CheckpointLedger.ON_TIME)
                + " of its due time; " + late + " taken late, "
                + missed + " missed or in error.");
    }

    private static List<String> row(LedgerEntry entry) {
        String label = entry.label() + (entry.planned().offset().isZero() ? " (deployment)" : "");
        if (!entry.state().taken()) {
            String attempts = entry.attempts().isEmpty() ? "none"
                    : String.join(", ", entry.attempts().stream().map(a -> ReportText.record(a.id())).toList()) + " (failed attempts)";
            return List.of(label, entry.kind().label(), ReportText.time(entry.due()), "not captured", "not captured",
                    status(entry), "not taken", "not taken", "not taken", attempts);
        }
        SnapshotTaken snapshot = entry.taken().entry();
        return List.of(label, entry.kind().label(), ReportText.time(entry.due()), ReportText.who(snapshot.operator()),
                ReportText.time(snapshot.startedAt()), status(entry), ReportText.outcome(ReportText.overall(snapshot)),
                ReportText.rate(snapshot, MetricKind.SUCCESS_RATE).orElse("not measured"),
                ReportText.rate(snapshot, MetricKind.MANUAL_REVIEW_RATE).orElse("not measured"),
                ReportText.record(entry.taken().id()));
    }

    private static String status(LedgerEntry entry) {
        String mark = switch (entry.state()) {
            case TAKEN -> "✅ ";
            case TAKEN_LATE, OVERDUE, RETRYING, DUE -> "⚠️ ";
            case MISSED, ERROR -> "❌ ";
            case PENDING -> "⏳ ";
            case NOT_REACHED -> "➖ ";
        };
        String words = entry.status();
        return mark + words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
