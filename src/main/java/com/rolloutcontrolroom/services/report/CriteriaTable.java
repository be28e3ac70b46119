package com.rolloutcontrolroom.services.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.Recorded;

/**
 * A phase's verification criteria, each with what the journal says of it: the verdicts the phase's
 * snapshots recorded on the subject the criterion names (success rate, manual-review rate, coordinator
 * alarms, shadow mode, legacy activity) with the latest measured value, and whether someone ticked it.
 * The verdicts are the snapshots' own (judged when they were taken); this only tallies them. Circuit
 * breaker trips, which share the alarms' verdict with coordinator.error, are shown as the counts recorded.
 */
final class CriteriaTable {

    private CriteriaTable() {
    }

    static void write(PhaseState phase, List<Recorded<SnapshotTaken>> snapshots, Markdown md) {
        if (phase.plan().verificationCriteria().isEmpty()) {
            md.paragraph(ReportText.NOT_RECORDED + ": the plan lists no verification criteria for this phase.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (String criterion : phase.plan().verificationCriteria()) {
            String ticked = phase.tick(criterion).map(ReportText::tick).orElse("not ticked");
            Optional<String> subject = subject(criterion, phase.plan().isShadow());
            if (subject.isEmpty()) {
                rows.add(List.of(criterion, phase.isTicked(criterion) ? "✅ Yes (ticked)" : ReportText.NOT_RECORDED,
                        "not measured by the app", ticked));
                continue;
            }
            if (subject.get().equals(CIRCUIT_BREAKER)) {
                rows.add(circuitBreaker(criterion, snapshots, ticked));
                continue;
            }
            List<Judged> judged = snapshots.stream()
                    .flatMap(s -> ReportText.verdict(s.entry(), subject.get()).map(v -> new Judged(s, v)).stream())
                    .toList();
            rows.add(List.of(criterion, met(judged), measured(subject.get(), judged), ticked));
        }
        md.table(List.of("Criterion", "Met", "Measured", "Ticked"), rows);
        if (phase.plan().verificationCriteria().stream().anyMatch(c -> phase.changedAfterStart(c))) {
            md.paragraph("Changed by a plan amendment after the phase started: " + String.join("; ",
                    phase.plan().verificationCriteria().stream().filter(phase::changedAfterStart).toList()) + ".");
        }
    }

    /** Not a verdict subject: the circuit-open count each snapshot recorded (any trip fails a checkpoint). */
    static final String CIRCUIT_BREAKER = "circuit breaker";
    private static final String CIRCUIT_OPENS = AlarmCounts.METRIC_KEY + "." + AlarmCounts.CIRCUIT_OPENS;

    private static List<String> circuitBreaker(String criterion, List<Recorded<SnapshotTaken>> snapshots, String ticked) {
        List<Recorded<SnapshotTaken>> counted = snapshots.stream().filter(s -> s.entry().metrics().containsKey(CIRCUIT_OPENS)).toList();
        if (counted.isEmpty()) {
            return List.of(criterion, ReportText.NOT_RECORDED, "no snapshot of this phase counted coordinator.circuit_open events", ticked);
        }
        List<Recorded<SnapshotTaken>> tripped = counted.stream()
                .filter(s -> s.entry().metrics().get(CIRCUIT_OPENS).signum() > 0).toList();
        long trips = tripped.stream().mapToLong(s -> s.entry().metrics().get(CIRCUIT_OPENS).longValueExact()).sum();
        String met = tripped.isEmpty() ? "✅ Yes (no trip in " + counted.size() + (counted.size() == 1 ? " snapshot)" : " snapshots)")
                : "❌ No (" + trips + (trips == 1 ? " trip" : " trips") + " in " + tripped.size() + " of " + counted.size() + " snapshots)";
        Recorded<SnapshotTaken> latest = counted.get(counted.size() - 1);
        return List.of(criterion, met, latest.entry().metrics().get(CIRCUIT_OPENS).toPlainString()
                + " coordinator.circuit_open events in the window (" + ReportText.snapshotName(latest.id(), latest.entry()) + ")", ticked);
    }

    private record Judged(Recorded<SnapshotTaken> snapshot, SnapshotVerdict verdict) {
    }

    /** The verdict subject a criterion speaks of, by its words; empty for one the app does not measure. */
    static Optional<String> subject(String criterion, boolean shadow) {
        String text = criterion.toLowerCase(Locale.ROOT);
        if (shadow && text.contains("assignment.coordinator")) {
            return Optional.of(CheckpointJudge.SHADOW);
        }
        if (shadow && (text.contains("legacy") || text.contains("auto_assign"))) {
            return Optional.of(CheckpointJudge.LEGACY);
        }
        if (text.contains("success rate")) {
            return Optional.of(CheckpointJudge.SUCCESS);
        }
        if (text.contains("manual review") || text.contains("manual-review")) {
            return Optional.of(CheckpointJudge.MANUAL_REVIEW);
        }
        if (text.contains("circuit breaker") || text.contains("circuit_open")) {
            return Optional.of(CIRCUIT_BREAKER);
        }
        if (text.contains("coordinator.error") || text.contains("sustained error")) {
            return Optional.of(CheckpointJudge.ALARMS);
        }
        return Optional.empty();
    }

    /** "✅ Yes (PASS at 6, NO_DATA at 1 of 7 snapshots)": a tally of the recorded verdicts, worst first. */
    private static String met(List<Judged> judged) {
        if (judged.isEmpty()) {
            return ReportText.NOT_RECORDED;
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        judged.forEach(j -> counts.merge(Verdict.valueOf(j.verdict().outcome()), 1, Integer::sum));
        String word;
        if (counts.containsKey(Verdict.FAIL) || counts.containsKey(Verdict.ERROR)) {
            word = "❌ No";
        } else if (counts.containsKey(Verdict.WARN)) {
            word = "⚠️ Warning";
        } else if (counts.containsKey(Verdict.PASS)) {
            word = "✅ Yes";
        } else {
            word = "➖ Not judged";
        }
        List<String> parts = new ArrayList<>();
        List<Verdict> worstFirst = new ArrayList<>(counts.keySet());
        worstFirst.sort((a, b) -> b.compareTo(a));
        worstFirst.forEach(v -> parts.add(v + " at " + counts.get(v)));
        return word + " (" + String.join(", ", parts) + " of " + judged.size() + (judged.size() == 1 ? " snapshot)" : " snapshots)");
    }

    /** The latest snapshot's words on the subject, naming the snapshot. */
    private static String measured(String subject, List<Judged> judged) {
        if (judged.isEmpty()) {
            return "no snapshot of this phase judged the " + subject;
        }
        Judged latest = judged.get(judged.size() - 1);
        return String.join(" ", latest.verdict().reasons()) + " (" + ReportText.snapshotName(latest.snapshot().id(),
                latest.snapshot().entry()) + ")";
    }
}
