package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.schedule.MetricsGate;

/**
 * The one place that says whether a phase's gate passes: its checklist, its minimum duration, or its
 * metrics over the whole window ({@link MetricsGate}).
 */
public final class PhaseGates {

    private PhaseGates() {
    }

    /** The gate of the rollout's current phase; a finished rollout has no gate left and passes. */
    public static GateStatus current(RolloutState state, Instant now) {
        return state.current().map(phase -> of(state, phase, now)).orElse(new GateStatus(GateResult.PASS, List.of()));
    }

    public static GateStatus of(RolloutState state, PhaseState phase, Instant now) {
        List<String> reasons = new ArrayList<>();
        String name = phase.name();
        return switch (phase.plan().gate().kind()) {
            case CHECKLIST -> {
                // a first phase's checklist is what ends it; a later phase's criteria are what finish it (Legacy cleanup)
                List<String> open = phase.uncheckedChecklist();
                if (!open.isEmpty()) {
                    reasons.add(open.size() + " of " + phase.plan().checklist().size() + " " + name + " checklist items are not ticked");
                }
                List<String> criteria = phase.plan().verificationCriteria().stream().filter(item -> !phase.isTicked(item)).toList();
                if (!criteria.isEmpty()) {
                    reasons.add(criteria.size() + " of " + phase.plan().verificationCriteria().size() + " " + name
                            + " verification criteria are not ticked");
                }
                yield new GateStatus(reasons.isEmpty() ? GateResult.PASS : GateResult.NOT_YET, reasons);
            }
            case DURATION -> {
                minimumDuration(phase, now).ifPresent(reasons::add);
                yield new GateStatus(reasons.isEmpty() ? GateResult.PASS : GateResult.NOT_YET, reasons);
            }
            case METRICS -> {
                GateStatus metrics = MetricsGate.of(state, phase, now);
                // the window is the sustained period; a longer minimum duration still has to run
                Duration minimum = phase.plan().minimumDuration();
                if (minimum != null && minimum.compareTo(phase.plan().gate().sustained()) > 0) {
                    minimumDuration(phase, now).ifPresent(reasons::add);
                }
                if (reasons.isEmpty()) {
                    yield metrics;
                }
                reasons.addAll(metrics.reasons());
                yield new GateStatus(metrics.result() == GateResult.FAIL ? GateResult.FAIL : GateResult.NOT_YET, reasons);
            }
        };
    }

    private static Optional<String> minimumDuration(PhaseState phase, Instant now) {
        Duration minimum = phase.plan().minimumDuration();
        if (minimum == null || phase.startedAt() == null) {
            return Optional.empty();
        }
        Duration ran = phase.duration(now).orElse(Duration.ZERO);
        if (ran.compareTo(minimum) >= 0) {
            return Optional.empty();
        }
        return Optional.of(phase.name() + " has run " + PlanDuration.words(ran) + " of its minimum "
                + PlanDuration.words(minimum) + " (" + PlanDuration.words(minimum.minus(ran)) + " to go)");
    }
}
