package com.rolloutcontrolroom.services.query;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.HourlyRate;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.db.Database;

/**
 * The gate measures over a window (the two rates, as totals and per hour, and the alarm counts), read
 * with the editable metric definitions: the same queries a run records, so both are judged alike.
 */
public final class WindowMetricsReader {

    private final QueryRunner runner;
    private final Supplier<QuerySet> querySets;

    /** @param querySets read on every call (blocking), so an edited metric definition applies at once */
    public WindowMetricsReader(QueryRunner runner, Supplier<QuerySet> querySets) {
        this.runner = runner;
        this.querySets = querySets;
    }

    /** @throws IllegalStateException with one sentence when a metric query could not run */
    public WindowMetrics read(Database database, Instant since, Instant until) {
        Map<MetricKind, Rate> rates = new EnumMap<>(MetricKind.class);
        QuerySet querySet = querySets.get();
        for (MetricKind metric : MetricKind.values()) {
            QueryOutcome outcome = runOne(database, querySet, metric.windowQuery(), metric.title(), since, until);
            MetricRows.rate(outcome).ifPresent(rate -> rates.put(metric, rate));
        }
        QueryOutcome alarms = runOne(database, querySet, AlarmCounts.QUERY, "The coordinator alarm count", since, until);
        return new WindowMetrics(rates, MetricRows.alarms(alarms));
    }

    private QueryOutcome runOne(Database database, QuerySet querySet, String name, String title, Instant since, Instant until) {
        var query = querySet.byName(name).orElseThrow(() -> new IllegalStateException(
                "The query set has no '" + name + "' entry; restore it in metrics.sql."));
        QueryOutcome outcome = runner.runOne(database, query, Map.of("since", since.toString(), "until", until.toString()),
                new RunCancellation());
        if (outcome.status() != QueryStatus.OK) {
            throw new IllegalStateException(title + " could not be read: " + outcome.error());
        }
        return outcome;
    }

    /** Blocking: each rate per UTC hour of the window (hours without events are absent). */
    public Map<MetricKind, List<HourlyRate>> hourly(Database database, Instant since, Instant until) {
        QuerySet querySet = querySets.get();
        MetricSeriesReader series = new MetricSeriesReader(runner);
        Map<MetricKind, List<HourlyRate>> trends = new EnumMap<>(MetricKind.class);
        for (MetricKind metric : MetricKind.values()) {
            trends.put(metric, series.hourly(database, querySet, metric, since, until));
        }
        return trends;
    }
}
