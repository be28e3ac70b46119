package com.rolloutcontrolroom.domain.schedule;

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
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutStory;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;

/** A plan whose full phase has seed 000's staging schedule, and snapshots as the scheduler writes them. */
final class ScheduledPlan {

    static final String ROLLOUT = "V3";
    static final String SHADOW = "Staging shadow";
    static final String FULL = "Staging full";
    static final List<Integer> HOURS = List.of(0, 1, 6, 12, 24, 36, 48);

    private ScheduledPlan() {
    }

    static RolloutPlan plan() {
        List<PlanEnvironment> environments = List.of(
                new PlanEnvironment(EnvironmentRole.STAGING, "staging", "preview", "vercel --target preview"));
        PhasePlan shadow = new PhasePlan(SHADOW, EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                List.of(new FlagValue(ROLLOUT, "false"), new FlagValue(ROLLOUT + "_SHADOW", "true")),
                List.of(), List.of(), List.of(), List.of(), List.of(), PhaseGate.DURATION, true);
        List<ScheduledCheckpoint> schedule = HOURS.stream().map(h -> new ScheduledCheckpoint(Duration.ofHours(h),
                h == 0 ? CheckpointKind.QUICK : h == 48 ? CheckpointKind.FINAL : CheckpointKind.FULL)).toList();
        PhasePlan full = new PhasePlan(FULL, EnvironmentRole.STAGING, Duration.ofHours(48), null,
                List.of(new FlagValue(ROLLOUT, "true"), new FlagValue(ROLLOUT + "_SHADOW", "false")),
                List.of(), List.of(), List.of(), List.of(), schedule,
                PhaseGate.metrics(Duration.ofHours(48), GateThresholds.RUNBOOK), false);
        PhasePlan cleanup = new PhasePlan("Legacy cleanup", null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), PhaseGate.CHECKLIST, false);
        return new RolloutPlan(ROLLOUT, "test", List.of(ROLLOUT, ROLLOUT + "_SHADOW"), environments, List.of(shadow, full, cleanup));
    }

    /** Staging full started at {@link #MARKER} (an hour after the rollout was created); the story's clock stands there. */
    static final Instant MARKER = RolloutStory.START.plus(Duration.ofHours(1));

    static RolloutStory inFull() {
        RolloutStory story = new RolloutStory(plan());
        story.now = MARKER;
        return story.then(s -> story.moves().promote(s, new DeploymentMarker(MARKER, null, "Ana", null)));
    }

    static Instant due(int hours) {
        return MARKER.plus(Duration.ofHours(hours));
    }

    static SnapshotTaken snapshot(String label, Instant due, Instant ranAt, boolean reached, String verdict,
                                  Map<String, BigDecimal> metrics) {
        return new SnapshotTaken(ranAt, RolloutStory.ANA, "staging", ROLLOUT, label, "full",
                List.of(new QueryResult("metric_success_rate", "SELECT 1", Map.of(), "{\"status\":\"OK\"}")), metrics,
                ranAt, ranAt.plusSeconds(2), 2000, List.of(new SnapshotVerdict("overall", verdict, List.of(verdict + " because."))),
                new ScheduledFor(FULL, due, reached));
    }
}
