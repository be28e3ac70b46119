package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One phase of the plan, as seed 000 lays it out.
 *
 * @param environment       the role it deploys to; null for a phase that deploys nothing (Preparation, Legacy cleanup)
 * @param minimumDuration   how long it must run before the gate may pass; null when it has none
 * @param previousStableFor how long the phase before must have run before this one may start (Legacy
 *                          cleanup: "after 1 week stability"); null when it has none
 * @param flags             each flag's value in this phase; empty for a phase that sets none
 * @param checklist         the pre-phase checklist: complete before the phase starts (for the first
 *                          phase, before it ends)
 * @param extraSteps        deployment lines after setting the flags and deploying (a reminder, a comment)
 * @param rollbackTarget    whether a rollback may return the rollout to this phase (shadow phases, Preparation)
 */
public record PhasePlan(String name, EnvironmentRole environment, Duration minimumDuration, Duration previousStableFor,
                        List<FlagValue> flags, List<String> checklist, List<String> extraSteps,
                        List<String> verificationCriteria, List<String> evidence, List<ScheduledCheckpoint> schedule,
                        PhaseGate gate, boolean rollbackTarget) {

    public PhasePlan {
        name = PlanText.required(name, "name");
        flags = List.copyOf(flags == null ? List.of() : flags);
        checklist = PlanText.items(checklist, "checklist");
        extraSteps = PlanText.items(extraSteps, "extraSteps");
        verificationCriteria = PlanText.items(verificationCriteria, "verificationCriteria");
        evidence = PlanText.items(evidence, "evidence");
        schedule = List.copyOf(schedule == null ? List.of() : schedule);
        Objects.requireNonNull(gate, "gate");
        if (!flags.isEmpty() && environment == null) {
            throw new PlanFormatException("environment", "is missing; a phase that sets flags names the environment it sets them in");
        }
        if (gate.kind() == GateKind.DURATION && minimumDuration == null) {
            throw new PlanFormatException("minimumDuration", "is missing; a duration gate needs it, as 30m");
        }
        uniqueItems(checklist, verificationCriteria, evidence);
    }

    /** Ticks are journaled by item text within a phase, so one text may not mean two things there. */
    private static void uniqueItems(List<String> checklist, List<String> criteria, List<String> evidence) {
        Set<String> seen = new HashSet<>();
        for (String item : concat(checklist, criteria, evidence)) {
            if (!seen.add(item)) {
                throw new PlanFormatException("checklist", "repeats the item '" + item
                        + "' (checklist, criteria and evidence of a phase share one list of names); make each item's text unique");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
    }

    /**
     * Whether V3 runs in shadow mode here: a flag named {@code *_SHADOW} set to {@code true}. A shadow
     * phase's checkpoints expect no {@code assignment.coordinator} events and legacy activity instead.
     */
    public boolean isShadow() {
        return flags.stream().anyMatch(f -> f.flag().endsWith("_SHADOW") && "true".equalsIgnoreCase(f.value()));
    }

    /** Items that can be ticked in this phase: checklist, verification criteria and evidence. */
    public boolean hasItem(String item) {
        return checklist.contains(item) || verificationCriteria.contains(item) || evidence.contains(item);
    }
}
