package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One phase of a rollout as its journal says now.
 *
 * @param startedAt             the deployment marker of its latest start; null if it never started, or if it is
 *                              the first phase and was left before the rollout was written down (when it began is not known)
 * @param endedAt               when the rollout left it after that start; null while current or never started
 * @param ticks                 the latest tick of each item of this phase, by item text
 * @param changedAfterStart     items (criteria, checklist, evidence) and "gate"/"minimum duration" whose
 *                              plan text changed by an amendment after the phase started
 */
public record PhaseState(PhasePlan plan, PhaseStatus status, Instant startedAt, Instant endedAt,
                         Map<String, ItemTick> ticks, Set<String> changedAfterStart) {

    public static final String GATE_CHANGE = "gate";

    public PhaseState {
        ticks = Map.copyOf(ticks);
        changedAfterStart = Set.copyOf(changedAfterStart);
    }

    public String name() {
        return plan.name();
    }

    public boolean isTicked(String item) {
        ItemTick tick = ticks.get(item);
        return tick != null && tick.ticked();
    }

    public Optional<ItemTick> tick(String item) {
        return Optional.ofNullable(ticks.get(item));
    }

    public List<String> uncheckedChecklist() {
        return plan.checklist().stream().filter(item -> !isTicked(item)).toList();
    }

    public boolean checklistComplete() {
        return uncheckedChecklist().isEmpty();
    }

    /** Whether a criterion (or other item) was changed by an amendment after this phase started. */
    public boolean changedAfterStart(String item) {
        return changedAfterStart.contains(item);
    }

    /** How long it ran (or has run until {@code now}); empty if it never started. */
    public Optional<Duration> duration(Instant now) {
        if (startedAt == null) {
            return Optional.empty();
        }
        Instant end = endedAt != null ? endedAt : now;
        return Optional.of(Duration.between(startedAt, end).isNegative() ? Duration.ZERO : Duration.between(startedAt, end));
    }
}
