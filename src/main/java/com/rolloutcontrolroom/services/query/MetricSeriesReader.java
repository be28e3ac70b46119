package com.rolloutcontrolroom.services.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.metrics.HourlyRate;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.RateBucket;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.db.Database;

/** The hourly and per-minute series behind the charts, read with the editable metric definitions. */
public final class MetricSeriesReader {

    private final QueryRunner runner;

    public MetricSeriesReader(QueryRunner runner) {
        this.runner = runner;
    }

    /** @throws IllegalStateException with one sentence when the metric query could not run */
    public List<HourlyRate> hourly(Database database, QuerySet set, MetricKind metric, Instant since, Instant until) {
        return MetricRows.hourly(run(database, set, metric, metric.hourlyQuery(), since, until));
    }

    /** Per UTC minute, minutes without events absent. @throws IllegalStateException with one sentence when it could not run */
    public List<RateBucket> minutely(Database database, QuerySet set, MetricKind metric, Instant since, Instant until) {
        return MetricRows.minutely(run(database, set, metric, metric.minuteQuery(), since, until));
    }

    private QueryOutcome run(Database database, QuerySet set, MetricKind metric, String name, Instant since, Instant until) {
        QueryDefinition query = set.byName(name).orElseThrow(() -> new IllegalStateException(
                "The query set has no '" + name + "' entry; restore it in metrics.sql."));
        QueryOutcome outcome = runner.runOne(database, query, Map.of("since", since.toString(), "until", until.toString()),
                new RunCancellation());
        if (outcome.status() != QueryStatus.OK) {
            throw new IllegalStateException(metric.title() + " could not be read: " + outcome.error());
        }
        return outcome;
    }
}
