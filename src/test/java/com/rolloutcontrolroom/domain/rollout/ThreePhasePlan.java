package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.util.List;

import com.rolloutcontrolroom.domain.gate.GateThresholds;

/** A short plan shaped like the template's first three phases, for tests that need a rollout but not the whole seed. */
public final class ThreePhasePlan {

    private ThreePhasePlan() {
    }

    public static RolloutPlan of(String rollout, String environment) {
        List<PlanEnvironment> environments = List.of(
                new PlanEnvironment(EnvironmentRole.STAGING, environment, "preview", "vercel deploy"),
                new PlanEnvironment(EnvironmentRole.PRODUCTION, environment, "production", "vercel deploy --prod"));
        PhasePlan preparation = new PhasePlan("Preparation", null, null, null, List.of(),
                List.of("Baseline metrics captured", "Rollback plan reviewed"), List.of(), List.of(), List.of(), List.of(),
                PhaseGate.CHECKLIST, true);
        PhasePlan shadow = new PhasePlan("Staging shadow", EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                List.of(new FlagValue("FLAG", "false"), new FlagValue("FLAG_SHADOW", "true")),
                List.of("Shadow flags set in preview"), List.of(), List.of(), List.of(), List.of(), PhaseGate.DURATION, true);
        PhasePlan full = new PhasePlan("Staging full", EnvironmentRole.STAGING, Duration.ofHours(48), null,
                List.of(new FlagValue("FLAG", "true"), new FlagValue("FLAG_SHADOW", "false")),
                List.of("Shadow results reviewed", "On-call told"), List.of(), List.of(), List.of(), List.of(),
                PhaseGate.metrics(Duration.ofHours(48), GateThresholds.RUNBOOK), false);
        return new RolloutPlan(rollout, "A test rollout", List.of("FLAG", "FLAG_SHADOW"), environments,
                List.of(preparation, shadow, full));
    }
}
