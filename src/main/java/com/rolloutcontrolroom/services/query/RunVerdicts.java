package com.rolloutcontrolroom.services.query;

import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.gate.Judgement;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.metrics.MetricKind;

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
        verdicts.add(verdict("success rate", JUDGE.success(run.metrics().get(MetricKind.SUCCESS_RATE))));
        verdicts.add(verdict("manual-review rate", JUDGE.manualReview(run.metrics().get(MetricKind.MANUAL_REVIEW_RATE))));
        if (run.count(QueryStatus.ERROR) > 0) {
            verdicts.add(new SnapshotVerdict("query set", "ERROR", run.outcomes().stream()
                    .filter(o -> o.status() == QueryStatus.ERROR).map(o -> o.query().name() + ": " + o.error()).toList()));
        }
        return verdicts;
    }

    private static SnapshotVerdict verdict(String subject, Judgement judgement) {
        return new SnapshotVerdict(subject, judgement.verdict().name(), judgement.reasons());
    }
}
