package com.rolloutcontrolroom.domain.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What an amendment changes, in sentences: the journal keeps both plans, these say what differs. */
public final class PlanChanges {

    private PlanChanges() {
    }

    public static List<String> between(RolloutPlan was, RolloutPlan now) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(was.description(), now.description())) {
            changes.add("Description changed.");
        }
        items(changes, "Rollout", "flag", was.flags(), now.flags());
        if (!was.environments().equals(now.environments())) {
            changes.add("Environments changed from " + describe(was.environments()) + " to " + describe(now.environments()) + ".");
        }
        for (PhasePlan phase : now.phases()) {
            if (was.phase(phase.name()).isEmpty()) {
                changes.add("Phase '" + phase.name() + "' added.");
            }
        }
        for (PhasePlan phase : was.phases()) {
            now.phase(phase.name()).ifPresentOrElse(
                    amended -> phase(changes, phase, amended),
                    () -> changes.add("Phase '" + phase.name() + "' removed."));
        }
        if (changes.isEmpty() && !PlanTree.write(was).equals(PlanTree.write(now))) {
            changes.add("Phase order changed.");
        }
        return changes;
    }

    private static void phase(List<String> changes, PhasePlan was, PhasePlan now) {
        String name = now.name();
        items(changes, name, "checklist item", was.checklist(), now.checklist());
        items(changes, name, "verification criterion", was.verificationCriteria(), now.verificationCriteria());
        items(changes, name, "evidence item", was.evidence(), now.evidence());
        items(changes, name, "deployment step", was.extraSteps(), now.extraSteps());
        value(changes, name, "environment", was, now, phase -> phase.environment() == null ? "none" : phase.environment().label());
        value(changes, name, "flag values", was, now, phase -> phase.flags().stream()
                .map(flag -> flag.flag() + "=" + flag.value()).toList().toString());
        value(changes, name, "minimum duration", was, now, phase -> duration(phase.minimumDuration()));
        value(changes, name, "stable period before it", was, now, phase -> duration(phase.previousStableFor()));
        value(changes, name, "monitoring schedule", was, now, phase -> phase.schedule().stream()
                .map(at -> at.label() + " " + at.kind().code()).toList().toString());
        value(changes, name, "gate", was, now, PlanChanges::gate);
        value(changes, name, "rollback target", was, now, phase -> phase.rollbackTarget() ? "yes" : "no");
    }

    private static void items(List<String> changes, String where, String what, List<String> was, List<String> now) {
        now.stream().filter(item -> !was.contains(item))
                .forEach(item -> changes.add(where + ": " + what + " added: '" + item + "'."));
        was.stream().filter(item -> !now.contains(item))
                .forEach(item -> changes.add(where + ": " + what + " removed: '" + item + "'."));
    }

    private static void value(List<String> changes, String where, String what, PhasePlan was, PhasePlan now,
                              Function<PhasePlan, String> read) {
        String before = read.apply(was);
        String after = read.apply(now);
        if (!before.equals(after)) {
            changes.add(where + ": " + what + " changed from " + before + " to " + after + ".");
        }
    }

    private static String gate(PhasePlan phase) {
        PhaseGate gate = phase.gate();
        if (gate.kind() != GateKind.METRICS) {
            return gate.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return "metrics held " + PlanDuration.format(gate.sustained()) + " " + gate.thresholds();
    }

    private static String duration(java.time.Duration duration) {
        return duration == null ? "none" : PlanDuration.format(duration);
    }

    private static String describe(List<PlanEnvironment> environments) {
        return environments.stream().map(e -> e.role().label() + "=" + e.environment() + " (" + e.deployTarget() + ")").toList().toString();
    }
}
