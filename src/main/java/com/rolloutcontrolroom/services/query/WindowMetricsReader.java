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
import com.rolloutcontrolroom.domain.metrics.RateBucket;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.db.Database;

/**
 * The gate measures over a window (the two rates, as totals and per hour, and the alarm counts), read
 * with the editable metric definitions: the same queries a run records, so both are judged alike.
 */
public final class WindowMetricsReader {

    /** The metrics.sql entry behind the dashboard's event table. */
    public static final String BREAKDOWN = "metric_event_breakdown";

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

    /** Blocking: each rate per UTC minute of the window (minutes without events are absent). */
    public Map<MetricKind, List<RateBucket>> minutely(Database database, Instant since, Instant until) {
        QuerySet querySet = querySets.get();
        MetricSeriesReader series = new MetricSeriesReader(runner);
        Map<MetricKind, List<RateBucket>> trends = new EnumMap<>(MetricKind.class);
        for (MetricKind metric : MetricKind.values()) {
            trends.put(metric, series.minutely(database, querySet, metric, since, until));
        }
        return trends;
    }

    /** Blocking: the coordinator's events of the window by type, with their success share (the health check's columns). */
    public List<HealthCheckRow> breakdown(Database database, Instant since, Instant until) {
        return MetricRows.breakdown(runOne(database, querySets.get(), BREAKDOWN, "The event breakdown", since, until));
    }
}
