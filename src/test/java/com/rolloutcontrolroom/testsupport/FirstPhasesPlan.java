package com.rolloutcontrolroom.testsupport;

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
 * The first three phases of seed 000's plan (Preparation, Staging shadow, Staging full) with the
 * seed's checklists and flags: enough to walk a rollout into Staging full in a test, independent of
 * the built-in template's full text.
 */
public final class FirstPhasesPlan {

    public static final String FLAG = "FEATURE_ASSIGNMENT_PIPELINE_V3";
    public static final List<String> PREPARATION = List.of("Database connection verified", "Baseline metrics captured",
            "Runbook reviewed");
    public static final List<String> SHADOW_CHECKLIST = List.of("Vercel CLI authenticated (`vercel login`)",
            "Project linked (`vercel link`)", "Engineering team notified of rollout start");
    public static final List<String> FULL_CHECKLIST = List.of("Phase 1 verified successful", "Monitoring dashboard ready",
            "SQL queries tested and working");
    public static final List<String> FULL_CRITERIA = List.of("`assignment.coordinator.*` events appearing in observability",
            "Success rate ≥97% sustained for 48 hours", "Manual review rate <1%");
    public static final List<String> FULL_EVIDENCE = List.of("Success rate calculations", "Coordinator event samples");

    private FirstPhasesPlan() {
    }

    public static RolloutPlan named(String rollout) {
        List<String> flags = List.of(FLAG, FLAG + "_SHADOW", FLAG + "_MAX_PARALLEL");
        PlanEnvironment staging = new PlanEnvironment(EnvironmentRole.STAGING, "demo", "preview", "vercel --target preview");
        PhasePlan preparation = new PhasePlan("Preparation", null, null, null, List.of(), PREPARATION, List.of(),
                List.of(), List.of(), List.of(), PhaseGate.CHECKLIST, true);
        PhasePlan shadow = new PhasePlan("Staging shadow", EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                values(flags, "false", "true", "3"), SHADOW_CHECKLIST, List.of(),
                List.of("Deployment successful (check Vercel dashboard)", "No `assignment.coordinator.*` events appear"),
                List.of("Deployment URL and timestamp"), List.of(), PhaseGate.DURATION, true);
        PhasePlan full = new PhasePlan("Staging full", EnvironmentRole.STAGING, Duration.ofHours(48), null,
                values(flags, "true", "false", "3"), FULL_CHECKLIST, List.of(), FULL_CRITERIA, FULL_EVIDENCE,
                List.of(new ScheduledCheckpoint(Duration.ZERO, CheckpointKind.QUICK)),
                PhaseGate.metrics(Duration.ofHours(48), GateThresholds.RUNBOOK), false);
        return new RolloutPlan(rollout, "Assignment pipeline V3, first phases", flags, List.of(staging),
                List.of(preparation, shadow, full));
    }

    private static List<FlagValue> values(List<String> flags, String... values) {
        return List.of(new FlagValue(flags.get(0), values[0]), new FlagValue(flags.get(1), values[1]),
                new FlagValue(flags.get(2), values[2]));
    }
}
