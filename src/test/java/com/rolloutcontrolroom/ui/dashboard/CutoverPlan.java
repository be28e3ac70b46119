package com.rolloutcontrolroom.ui.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.ScheduledFor;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;

/**
 * A rollout plan for the dashboard's tests: Preparation, Staging shadow, Staging full (a metrics gate with
 * thresholds of its own and checkpoints at T+0h, T+1h and T+6h), Legacy cleanup; staging reads {@code demo}.
 */
final class CutoverPlan {

    static final String ROLLOUT = "CUTOVER_V3";
    static final String SHADOW = "Staging shadow";
    static final String FULL = "Staging full";
    /** Not the runbook's: the charts must draw the plan's own lines. */
    static final GateThresholds THRESHOLDS = new GateThresholds(new BigDecimal("95"), new BigDecimal("85"), new BigDecimal("2"),
            new BigDecimal("8"), 20);

    private CutoverPlan() {
    }

    static RolloutPlan plan() {
        return plan(ROLLOUT, "demo");
    }

    /** @param environment the configured environment staging reads */
    static RolloutPlan plan(String rollout, String environment) {
        PhasePlan preparation = new PhasePlan("Preparation", null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), PhaseGate.CHECKLIST, true);
        PhasePlan shadow = new PhasePlan(SHADOW, EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                List.of(new FlagValue(ROLLOUT, "false")), List.of(), List.of(), List.of(), List.of(), List.of(),
                PhaseGate.DURATION, true);
        PhasePlan full = new PhasePlan(FULL, EnvironmentRole.STAGING, Duration.ofHours(48), null,
                List.of(new FlagValue(ROLLOUT, "true")), List.of(), List.of(), List.of(), List.of(),
                List.of(new ScheduledCheckpoint(Duration.ZERO, CheckpointKind.QUICK),
                        new ScheduledCheckpoint(Duration.ofHours(1), CheckpointKind.FULL),
                        new ScheduledCheckpoint(Duration.ofHours(6), CheckpointKind.FULL)),
                PhaseGate.metrics(Duration.ofHours(48), THRESHOLDS), false);
        PhasePlan cleanup = new PhasePlan("Legacy cleanup", null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), PhaseGate.CHECKLIST, false);
        return new RolloutPlan(rollout, "dashboard test", List.of(ROLLOUT),
                List.of(new PlanEnvironment(EnvironmentRole.STAGING, environment, "preview", "vercel --target preview")),
                List.of(preparation, shadow, full, cleanup));
    }

    /** A checkpoint of Staging full as the scheduler writes it: reached, judged {@code verdict}. */
    static SnapshotTaken checkpoint(String label, Instant due, Instant ranAt, String verdict) {
        return new SnapshotTaken(ranAt, new Operator("ana", "Ana Ruiz"), "demo", ROLLOUT, label, "full",
                List.of(new QueryResult("metric_success_rate", "SELECT 1", Map.of(), "{\"status\":\"OK\"}")),
                Map.of("success_rate.percent", new BigDecimal("98.50"), "success_rate.total", new BigDecimal("1204"),
                        "manual_review_rate.percent", new BigDecimal("0.40"), "manual_review_rate.total", new BigDecimal("250")),
                ranAt, ranAt.plusSeconds(2), 2000,
                List.of(new SnapshotVerdict("overall", verdict, List.of(verdict + " because."))), new ScheduledFor(FULL, due, true));
    }
}
