package com.rolloutcontrolroom.services.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.gate.Judgement;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * The runbook's judgement of a run's own numbers, as recorded in its snapshot and printed by {@code run}:
 * one verdict per rate, and ERROR naming each query that could not run.
 */
public final class RunVerdicts {

    private static final CheckpointJudge JUDGE = new CheckpointJudge(GateThresholds.RUNBOOK);

    private RunVerdicts() {
    }

    public static List<SnapshotVerdict> of(SuiteRun run) {
        List<SnapshotVerdict> verdicts = new ArrayList<>();
        verdicts.add(verdict("success rate", of(MetricKind.SUCCESS_RATE, run.metrics().get(MetricKind.SUCCESS_RATE))));
        verdicts.add(verdict("manual-review rate", of(MetricKind.MANUAL_REVIEW_RATE, run.metrics().get(MetricKind.MANUAL_REVIEW_RATE))));
        if (run.count(QueryStatus.ERROR) > 0) {
            verdicts.add(new SnapshotVerdict("query set", "ERROR", errorReasons(run)));
        }
        return verdicts;
    }

    /** "name: why" per failed query; queries that failed for the same reason (all not run after a lost connection) share one line. */
    private static List<String> errorReasons(SuiteRun run) {
        Map<String, List<String>> namesByReason = new LinkedHashMap<>();
        run.outcomes().stream().filter(o -> o.status() == QueryStatus.ERROR)
                .forEach(o -> namesByReason.computeIfAbsent(o.error(), reason -> new ArrayList<>()).add(o.query().name()));
        List<String> reasons = new ArrayList<>();
        namesByReason.forEach((reason, names) -> reasons.add(String.join(", ", names) + ": " + reason));
        return reasons;
    }

    /** One rate judged against its band; null when its query did not run (ERROR). */
    public static Judgement of(MetricKind kind, Rate rate) {
        return kind == MetricKind.SUCCESS_RATE ? JUDGE.success(rate) : JUDGE.manualReview(rate);
    }

    private static SnapshotVerdict verdict(String subject, Judgement judgement) {
        return new SnapshotVerdict(subject, judgement.verdict().name(), judgement.reasons());
    }
}
