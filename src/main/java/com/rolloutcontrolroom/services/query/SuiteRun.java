package com.rolloutcontrolroom.services.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.domain.gate.CheckpointEvidence;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * A whole run of a query set against one environment: the material of a snapshot.
 *
 * @param alarms       the window's coordinator.error and coordinator.circuit_open counts; null when they could not be counted
 * @param metricsUntil the window's end, excluded: the run's start, or the instant a late checkpoint was due and measured as of
 * @param startedAt    when the run really started
 * @param legacyEvents the window's legacy auto_assign.* events; null when they could not be counted
 */
public record SuiteRun(String environment, String querySet, List<QueryOutcome> outcomes,
                       Map<MetricKind, Rate> metrics, AlarmCounts alarms, Instant metricsSince, Instant metricsUntil,
                       Instant startedAt, Instant finishedAt, Duration took, Long legacyEvents) {

    public SuiteRun {
        outcomes = List.copyOf(outcomes);
        metrics = Map.copyOf(metrics);
    }

    /** A run that measured the window ending at its own start, without the legacy count. */
    public SuiteRun(String environment, String querySet, List<QueryOutcome> outcomes, Map<MetricKind, Rate> metrics,
                    AlarmCounts alarms, Instant metricsSince, Instant startedAt, Instant finishedAt, Duration took) {
        this(environment, querySet, outcomes, metrics, alarms, metricsSince, startedAt, startedAt, finishedAt, took, null);
    }

    /** A run without the legacy count (not measured). */
    public SuiteRun(String environment, String querySet, List<QueryOutcome> outcomes, Map<MetricKind, Rate> metrics,
                    AlarmCounts alarms, Instant metricsSince, Instant metricsUntil, Instant startedAt, Instant finishedAt,
                    Duration took) {
        this(environment, querySet, outcomes, metrics, alarms, metricsSince, metricsUntil, startedAt, finishedAt, took, null);
    }

    public long count(QueryStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** What the judge reads: the window's measures and the queries that could not run. */
    public CheckpointEvidence evidence() {
        return new CheckpointEvidence(metrics.get(MetricKind.SUCCESS_RATE), metrics.get(MetricKind.MANUAL_REVIEW_RATE), alarms,
                outcomes.stream().filter(o -> o.status() == QueryStatus.ERROR)
                        .map(o -> new CheckpointEvidence.FailedQuery(o.query().name(), o.error())).toList(), legacyEvents);
    }

    /** The failure that stopped the run (a lost connection, a rejected password), in its own words; empty when none did. */
    public Optional<String> stoppedBecause() {
        return outcomes.stream().filter(o -> o.failure().stopsTheRun()).findFirst()
                .map(o -> o.wasNotRun() ? o.error().substring(QueryOutcome.NOT_RUN.length()) : o.error());
    }

    /** True when no query reached the database: it could not be reached at all. */
    public boolean reachedNothing() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(QueryOutcome::wasNotRun);
    }

    public boolean wasCancelled() {
        return count(QueryStatus.CANCELLED) > 0;
    }
}
