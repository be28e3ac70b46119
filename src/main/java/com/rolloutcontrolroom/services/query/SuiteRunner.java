package com.rolloutcontrolroom.services.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a suite and the metric queries over the same window, and derives the rates a snapshot
 * records. The metric queries are outcomes like any other, so their SQL is journaled too.
 */
public final class SuiteRunner {

    /** The window the metrics cover when the caller does not say: the runbook's six hours. */
    public static final Duration DEFAULT_METRIC_WINDOW = Duration.ofHours(6);

    private static final Logger LOG = LoggerFactory.getLogger(SuiteRunner.class);

    private final QueryRunner runner;
    private final Clock clock;

    public SuiteRunner(QueryRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    public SuiteRun run(Database database, QuerySet set, QuerySuite suite, RunCancellation cancellation,
                        Consumer<QueryOutcome> onEach) {
        Instant started = Instant.now(clock);
        long startNanos = System.nanoTime();
        Instant since = started.minus(DEFAULT_METRIC_WINDOW);
        Map<String, String> window = new HashMap<>();
        window.put("since", since.toString());
        window.put("until", started.toString());

        List<QueryOutcome> outcomes = runner.run(database, queries(set, suite), window, cancellation, onEach);
        Map<MetricKind, Rate> metrics = new EnumMap<>(MetricKind.class);
        for (MetricKind metric : MetricKind.values()) {
            outcomes.stream().filter(o -> o.query().name().equals(metric.windowQuery()) && o.status() == QueryStatus.OK)
                    .findFirst().flatMap(SuiteRunner::rateOrNothing).ifPresent(rate -> metrics.put(metric, rate));
        }
        return new SuiteRun(database.target().environment(), suite.label(), outcomes, metrics, since, started,
                Instant.now(clock), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * A run that never reached the database (the server is down, the password is wrong): every query it
     * would have run is ERROR with the reason, so the attempt is on record like any run. A missing
     * checkpoint would be evidence too, but one nobody could read.
     *
     * @param reason one sentence naming what to fix
     */
    public SuiteRun unreachable(String environment, QuerySet set, QuerySuite suite, String reason, FailureKind kind) {
        Instant started = Instant.now(clock);
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (QueryDefinition query : queries(set, suite)) {
            outcomes.add(QueryOutcome.failed(query, Map.of(), QueryStatus.ERROR, "Not run: " + reason, started, Duration.ZERO, kind));
        }
        return new SuiteRun(environment, suite.label(), outcomes, Map.of(), started.minus(DEFAULT_METRIC_WINDOW), started,
                Instant.now(clock), Duration.ZERO);
    }

    /** The suite's queries, then the metric queries over the same window. */
    private static List<QueryDefinition> queries(QuerySet set, QuerySuite suite) {
        List<QueryDefinition> queries = new ArrayList<>(set.suite(suite));
        for (MetricKind metric : MetricKind.values()) {
            set.byName(metric.windowQuery()).ifPresent(queries::add);
        }
        return queries;
    }

    /** An edited metric query that returns the wrong columns leaves the metric out; its rows are still journaled. */
    private static java.util.Optional<Rate> rateOrNothing(QueryOutcome outcome) {
        try {
            return MetricRows.rate(outcome);
        } catch (IllegalStateException | ClassCastException e) {
            LOG.warn("{}", e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
