package com.rolloutcontrolroom.services.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/** A whole run of a query set against one environment: the material of a snapshot. */
public record SuiteRun(String environment, String querySet, List<QueryOutcome> outcomes,
                       Map<MetricKind, Rate> metrics, Instant metricsSince, Instant startedAt,
                       Instant finishedAt, Duration took) {

    public SuiteRun {
        outcomes = List.copyOf(outcomes);
        metrics = Map.copyOf(metrics);
    }

    public long count(QueryStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public boolean wasCancelled() {
        return count(QueryStatus.CANCELLED) > 0;
    }
}
