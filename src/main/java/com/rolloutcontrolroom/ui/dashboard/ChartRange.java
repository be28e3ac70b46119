package com.rolloutcontrolroom.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.rolloutcontrolroom.domain.rollout.RolloutState;

/** The spans the range switch offers; both charts show the same one. */
public enum ChartRange {
    THIS_PHASE("This phase"),
    WHOLE_ROLLOUT("Whole rollout"),
    LAST_6H_BY_MINUTE("Last 6 h by minute");

    /** A week of hourly points is what a chart keeps readable; a longer rollout shows its last week. */
    static final Duration WHOLE_ROLLOUT_LIMIT = Duration.ofDays(7);
    static final Duration BY_MINUTE = com.rolloutcontrolroom.domain.metrics.MetricWindow.RUNBOOK;

    private final String label;

    ChartRange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    ChartWindow window(RolloutState state, Instant now) {
        return switch (this) {
            case THIS_PHASE -> hourly(phaseStart(state), now, "this phase, hourly");
            case WHOLE_ROLLOUT -> {
                Instant first = state.visits().isEmpty() ? state.createdAt() : state.visits().get(0).marker();
                Instant weekAgo = now.minus(WHOLE_ROLLOUT_LIMIT);
                yield first.isBefore(weekAgo)
                        ? hourly(weekAgo, now, "whole rollout, last 7 days, hourly")
                        : hourly(first, now, "whole rollout, hourly");
            }
            case LAST_6H_BY_MINUTE -> new ChartWindow(now.minus(BY_MINUTE).truncatedTo(ChronoUnit.MINUTES), now,
                    Duration.ofMinutes(1), com.rolloutcontrolroom.domain.metrics.MetricWindow.LAST + " by minute");
        };
    }

    /** The current phase's latest deployment marker; a first phase entered without one counts from the rollout's creation. */
    private static Instant phaseStart(RolloutState state) {
        return state.current().map(phase -> phase.startedAt())
                .or(() -> state.visits().isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of(state.visits().get(state.visits().size() - 1).marker()))
                .orElse(state.createdAt());
    }

    private static ChartWindow hourly(Instant from, Instant now, String span) {
        // a chart's axis must end after it starts: a phase begun this minute still shows its first hour
        Instant until = now.isAfter(from) ? now : from.plus(Duration.ofHours(1));
        return new ChartWindow(from, until, Duration.ofHours(1), span);
    }
}
