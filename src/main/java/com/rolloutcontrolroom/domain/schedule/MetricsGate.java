package com.rolloutcontrolroom.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.gate.Judgement;
import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.journal.WarningAccepted;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

/**
 * "Sustained for 48 hours", meaning exactly that: the whole window from the deployment marker, not just
 * its checkpoints. The success rate from raw counts over the window; every hour accounted for; any hour
 * under the red line or any circuit breaker trip fails; every planned checkpoint taken (late is fine,
 * missed is not); the window fully elapsed. WARN passes only once a named person accepts it.
 */
public final class MetricsGate {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private MetricsGate() {
    }

    public static GateStatus of(RolloutState state, PhaseState phase, Instant now) {
        PhaseGate gate = phase.plan().gate();
        if (phase.startedAt() == null) {
            return new GateStatus(GateResult.NOT_YET, List.of(phase.name() + " has not started"));
        }
        Duration sustained = gate.sustained();
        Instant windowEnd = phase.startedAt().plus(sustained);
        List<LedgerEntry> checkpoints = CheckpointLedger.of(state, now).latestVisit(phase.name());
        List<Judgement> parts = new ArrayList<>(checkpointParts(checkpoints));
        if (now.isBefore(windowEnd)) {
            List<String> reasons = new ArrayList<>();
            Duration ran = Duration.between(phase.startedAt(), now);
            reasons.add("the " + PlanDuration.words(sustained) + " window of " + phase.name() + " has run "
                    + PlanDuration.words(ran.isNegative() ? Duration.ZERO : ran) + " (" + PlanDuration.words(Duration.between(now, windowEnd))
                    + " to go)");
            parts.stream().filter(p -> p.verdict().compareTo(Verdict.WARN) >= 0).forEach(p -> reasons.addAll(p.reasons()));
            return new GateStatus(GateResult.NOT_YET, reasons);
        }
        Optional<LedgerEntry> finalCheck = checkpoints.stream()
                .filter(e -> e.kind() == CheckpointKind.FINAL && e.state().taken()
                        && PhaseWindowCounts.fromMetrics(e.taken().entry().metrics()).isPresent())
                .reduce((a, b) -> b);
        if (finalCheck.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            if (!parts.isEmpty() && Judgement.combine(parts).verdict().compareTo(Verdict.ERROR) >= 0) {
                return new GateStatus(GateResult.FAIL, Judgement.combine(parts).reasons());
            }
            reasons.add("the window has elapsed; the gate waits for the final verification, which measures the whole "
                    + PlanDuration.words(sustained));
            return new GateStatus(GateResult.NOT_YET, reasons);
        }
        PhaseWindowCounts window = PhaseWindowCounts.fromMetrics(finalCheck.get().taken().entry().metrics()).orElseThrow();
        parts.addAll(windowParts(window, gate.thresholds()));
        Judgement verdict = Judgement.combine(parts);
        return switch (verdict.verdict()) {
            case PASS -> new GateStatus(GateResult.PASS, verdict.reasons());
            case NO_DATA, WARN -> accepted(state, phase, finalCheck.get())
                    .map(accepted -> {
                        List<String> reasons = new ArrayList<>(verdict.reasons());
                        reasons.add(0, "warning accepted by " + accepted.who() + ": " + accepted.reason());
                        return new GateStatus(GateResult.WARN_ACCEPTED, reasons);
                    })
                    .orElse(new GateStatus(GateResult.WARN, verdict.reasons()));
            case ERROR, FAIL -> new GateStatus(GateResult.FAIL, verdict.reasons());
        };
    }

    /** An acceptance counts when made in this phase after the window was measured. */
    private static Optional<WarningAccepted> accepted(RolloutState state, PhaseState phase, LedgerEntry finalCheck) {
        return state.acceptedWarnings().stream()
                .filter(a -> a.id() > finalCheck.taken().id() && a.entry().phase().equalsIgnoreCase(phase.name()))
                .map(Recorded::entry)
                .reduce((a, b) -> b);
    }

    /** Every planned checkpoint: missed or in error fails the gate; a taken one adds its own verdict. */
    private static List<Judgement> checkpointParts(List<LedgerEntry> checkpoints) {
        List<Judgement> parts = new ArrayList<>();
        for (LedgerEntry entry : checkpoints) {
            switch (entry.state()) {
                case MISSED, ERROR -> parts.add(new Judgement(Verdict.FAIL, List.of(entry.describe())));
                case TAKEN, TAKEN_LATE -> {
                    Verdict verdict = overall(entry);
                    String when = entry.state() == CheckpointState.TAKEN_LATE ? " (taken late)" : "";
                    if (verdict == Verdict.FAIL || verdict == Verdict.ERROR || verdict == Verdict.WARN) {
                        parts.add(new Judgement(verdict == Verdict.ERROR ? Verdict.FAIL : verdict,
                                List.of(entry.label() + " " + entry.kind().label() + when + " was " + verdict + ": "
                                        + firstReason(entry))));
                    }
                }
                default -> {
                }
            }
        }
        return parts;
    }

    private static Verdict overall(LedgerEntry entry) {
        return entry.taken().entry().verdicts().stream().findFirst()
                .map(SnapshotVerdict::outcome).map(Verdict::valueOf).orElse(Verdict.ERROR);
    }

    private static String firstReason(LedgerEntry entry) {
        return entry.taken().entry().verdicts().stream().findFirst()
                .flatMap(v -> v.reasons().stream().findFirst()).orElse("no reason recorded");
    }

    private static List<Judgement> windowParts(PhaseWindowCounts window, GateThresholds thresholds) {
        CheckpointJudge judge = new CheckpointJudge(thresholds);
        String over = "Over the whole window (" + window.hours() + " h from " + HOUR.format(window.start()) + " UTC): ";
        List<Judgement> parts = new ArrayList<>();
        parts.add(prefixed(over, judge.success(window.successTotal())));
        parts.add(prefixed(over, judge.manualReview(window.reviewTotal())));
        if (window.alarms().circuitOpens() > 0) {
            parts.add(new Judgement(Verdict.FAIL, List.of(window.alarms().circuitOpens()
                    + " coordinator.circuit_open events in the window: upstream service issues; the runbook says roll back.")));
        }
        parts.addAll(hourParts(window, judge));
        return parts;
    }

    /** Each hour judged on its own counts; hours that share a verdict are named together. */
    private static List<Judgement> hourParts(PhaseWindowCounts window, CheckpointJudge judge) {
        Verdict[] verdicts = new Verdict[window.hours()];
        for (int hour = 0; hour < window.hours(); hour++) {
            verdicts[hour] = judge.success(window.successIn(hour)).verdict();
        }
        List<Judgement> parts = new ArrayList<>();
        hours(window, verdicts, Verdict.FAIL, judge).ifPresent(text -> parts.add(new Judgement(Verdict.FAIL,
                List.of(text + " under the red line: consider rollback."))));
        hours(window, verdicts, Verdict.WARN, judge).ifPresent(text -> parts.add(new Judgement(Verdict.WARN,
                List.of(text + " in the warning band."))));
        hours(window, verdicts, Verdict.NO_DATA, judge).ifPresent(text -> parts.add(new Judgement(Verdict.PASS,
                List.of(text + " too few events to judge (NO_DATA)."))));
        long good = java.util.Arrays.stream(verdicts).filter(v -> v == Verdict.PASS).count();
        parts.add(new Judgement(Verdict.PASS, List.of(good + " of " + window.hours() + " hours at or above the pass line.")));
        return parts;
    }

    /** "Hours 14–16 (T+14h to T+17h, 3 Dec 14:00–17:00 UTC: 85.00 %, 86.10 %, 84.90 %) were". */
    private static Optional<String> hours(PhaseWindowCounts window, Verdict[] verdicts, Verdict wanted, CheckpointJudge judge) {
        List<String> ranges = new ArrayList<>();
        int count = 0;
        for (int hour = 0; hour < verdicts.length; hour++) {
            if (verdicts[hour] != wanted) {
                continue;
            }
            int last = hour;
            while (last + 1 < verdicts.length && verdicts[last + 1] == wanted) {
                last++;
            }
            count += last - hour + 1;
            ranges.add(range(window, hour, last));
            hour = last;
        }
        if (ranges.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((count == 1 ? "Hour " : "Hours ") + String.join("; ", ranges) + (count == 1 ? " was" : " were"));
    }

    private static String range(PhaseWindowCounts window, int first, int last) {
        Instant from = window.start().plus(Duration.ofHours(first));
        Instant to = window.start().plus(Duration.ofHours(last + 1L));
        List<String> rates = new ArrayList<>();
        for (int hour = first; hour <= last; hour++) {
            Rate rate = window.successIn(hour);
            rates.add(rate.describe("events"));
        }
        String name = first == last ? Integer.toString(first) : first + "–" + last;
        return name + " (T+" + first + "h to T+" + (last + 1) + "h, " + HOUR.format(from) + "–" + HOUR.format(to).substring(HOUR.format(to).length() - 5)
                + " UTC: " + String.join(", ", rates) + ")";
    }

    private static Judgement prefixed(String prefix, Judgement judgement) {
        return new Judgement(judgement.verdict(), judgement.reasons().stream().map(r -> prefix + r).toList());
    }
}
