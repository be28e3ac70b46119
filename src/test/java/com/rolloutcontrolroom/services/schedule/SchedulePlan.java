package com.rolloutcontrolroom.services.schedule;

import java.time.Duration;
import java.util.List;

import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;

/**
 * A staging shadow phase, then a 48-hour metrics-gated full phase whose schedule is dense in its first
 * day (so a 14-hour sleep spans several checkpoints), then cleanup. Its environment is {@link #ENVIRONMENT}.
 */
final class SchedulePlan {

    static final String ROLLOUT = "SCHEDULED_V3";
    static final String ENVIRONMENT = "staging";
    static final String SHADOW = "Staging shadow";
    static final String FULL = "Staging full";
    static final String CLEANUP = "Legacy cleanup";
    static final List<Integer> HOURS = List.of(0, 1, 3, 6, 9, 12, 24, 36, 48);

    private SchedulePlan() {
    }

    static RolloutPlan plan() {
        List<PlanEnvironment> environments = List.of(
                new PlanEnvironment(EnvironmentRole.STAGING, ENVIRONMENT, "preview", "vercel --target preview"));
        PhasePlan shadow = new PhasePlan(SHADOW, EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                List.of(new FlagValue(ROLLOUT, "false"), new FlagValue(ROLLOUT + "_SHADOW", "true")),
                List.of(), List.of(), List.of(), List.of(), List.of(), PhaseGate.DURATION, true);
        List<ScheduledCheckpoint> schedule = HOURS.stream().map(h -> new ScheduledCheckpoint(Duration.ofHours(h),
                h == 0 ? CheckpointKind.QUICK : h == 48 ? CheckpointKind.FINAL : CheckpointKind.FULL)).toList();
        PhasePlan full = new PhasePlan(FULL, EnvironmentRole.STAGING, Duration.ofHours(48), null,
                List.of(new FlagValue(ROLLOUT, "true"), new FlagValue(ROLLOUT + "_SHADOW", "false")),
                List.of(), List.of(), List.of(), List.of(), schedule,
                PhaseGate.metrics(Duration.ofHours(48), GateThresholds.RUNBOOK), false);
        PhasePlan cleanup = new PhasePlan(CLEANUP, null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), PhaseGate.CHECKLIST, false);
        return new RolloutPlan(ROLLOUT, "scheduler test", List.of(ROLLOUT, ROLLOUT + "_SHADOW"), environments,
                List.of(shadow, full, cleanup));
    }
}
