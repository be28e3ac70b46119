package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.util.List;

import com.rolloutcontrolroom.domain.gate.GateThresholds;

/** A four-phase plan shaped like seed 000's start, small enough to read in a test. */
public final class SmallPlan {

    public static final String PREPARATION = "Preparation";
    public static final String SHADOW = "Staging shadow";
    public static final String FULL = "Staging full";
    public static final String CLEANUP = "Legacy cleanup";

    private SmallPlan() {
    }

    public static RolloutPlan named(String rollout) {
        return of(rollout, List.of("Runbook reviewed", "Database connection verified"));
    }

    public static RolloutPlan of(String rollout, List<String> fullCriteria) {
        List<PlanEnvironment> environments = List.of(
                new PlanEnvironment(EnvironmentRole.STAGING, "staging", "preview", "vercel --target preview"),
                new PlanEnvironment(EnvironmentRole.PRODUCTION, "production", "production", "vercel --prod"));
        PhasePlan preparation = new PhasePlan(PREPARATION, null, null, null, List.of(),
                List.of("Runbook reviewed", "Database connection verified"), List.of(), List.of(), List.of(), List.of(),
                PhaseGate.CHECKLIST, true);
        PhasePlan shadow = new PhasePlan(SHADOW, EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                List.of(new FlagValue(rollout, "false"), new FlagValue(rollout + "_SHADOW", "true")),
                List.of("Vercel CLI authenticated", "Team notified"), List.of(),
                List.of("No coordinator events appear"), List.of("Deployment URL and timestamp"), List.of(),
                PhaseGate.DURATION, true);
        PhasePlan full = new PhasePlan(FULL, EnvironmentRole.STAGING, Duration.ofHours(48), null,
                List.of(new FlagValue(rollout, "true"), new FlagValue(rollout + "_SHADOW", "false")),
                List.of("Shadow verified successful"), List.of(), fullCriteria, List.of(),
                List.of(new ScheduledCheckpoint(Duration.ZERO, CheckpointKind.QUICK),
                        new ScheduledCheckpoint(Duration.ofHours(1), CheckpointKind.FULL)),
                PhaseGate.metrics(Duration.ofHours(48), GateThresholds.RUNBOOK), false);
        PhasePlan cleanup = new PhasePlan(CLEANUP, null, null, Duration.ofDays(7), List.of(),
                List.of("Legacy code removal scheduled"), List.of(), List.of(), List.of(), List.of(), PhaseGate.CHECKLIST, false);
        return new RolloutPlan(rollout, "A small plan", List.of(rollout, rollout + "_SHADOW"), environments,
                List.of(preparation, shadow, full, cleanup));
    }
}
