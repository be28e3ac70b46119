package com.rolloutcontrolroom.services.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.rolloutcontrolroom.domain.metrics.MetricWindow;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a suite and the metric queries over the same window, and derives the rates a snapshot
 * records. The metric queries are outcomes like any other, so their SQL is journaled too.
 */
public final class SuiteRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteRunner.class);

    private final QueryRunner runner;
    private final Clock clock;

    public SuiteRunner(QueryRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    public SuiteRun run(Database database, QuerySet set, QuerySuite suite, RunCancellation cancellation,
                        Consumer<QueryOutcome> onEach) {
        return run(database, set, suite, null, cancellation, onEach);
    }

    /**
     * Runs the suite as it would have answered at {@code asOf}: a checkpoint taken late measures the
     * window [asOf - 6 h, asOf) it was due for, from the timestamped events (see {@link QueryRunner}).
     *
     * @param asOf the window's end; null for the run's own start, with the queries run at the real time
     */
    public SuiteRun run(Database database, QuerySet set, QuerySuite suite, Instant asOf, RunCancellation cancellation,
                        Consumer<QueryOutcome> onEach) {
        Instant started = Instant.now(clock);
        long startNanos = System.nanoTime();
        Instant until = asOf == null ? started : asOf;
        Instant since = until.minus(MetricWindow.RUNBOOK);
        Map<String, String> window = new HashMap<>();
        window.put("since", since.toString());
        window.put("until", until.toString());

        List<QueryOutcome> outcomes = runner.run(database, queriesOf(set, suite), window, asOf, cancellation, onEach);
        RunMeasures measures = RunMeasures.of(outcomes);
        return new SuiteRun(database.target().environment(), suite.label(), outcomes, measures.rates(), measures.alarms(), since, until,
                started, Instant.now(clock), Duration.ofNanos(System.nanoTime() - startNanos), measures.legacyEvents());
    }

    /**
     * Connects to the environment and runs the suite. An environment that cannot be reached (server
     * down, wrong password, no keychain) is not an exception but a run whose every query is ERROR with
     * the reason, so the caller journals the attempt like any run.
     *
     * @throws IllegalArgumentException for an environment name that does not exist: nothing was attempted
     */
    public SuiteRun attempt(EnvironmentDatabases databases, String environment, QuerySet set, QuerySuite suite,
                            RunCancellation cancellation, Consumer<QueryOutcome> onEach) {
        return attempt(databases, environment, set, suite, cancellation, connected -> { }, onEach);
    }

    /** @param onConnected told of the database once reached (its role warnings, say), before any query runs */
    public SuiteRun attempt(EnvironmentDatabases databases, String environment, QuerySet set, QuerySuite suite,
                            RunCancellation cancellation, Consumer<Database> onConnected, Consumer<QueryOutcome> onEach) {
        return attempt(databases, environment, set, suite, null, cancellation, onConnected, onEach);
    }

    /**
     * {@link #attempt} measuring the window that ends at {@code asOf} (a checkpoint's due instant);
     * an unreachable environment's run still names that window.
     *
     * @param asOf the window's end; null for the run's own start
     */
    public SuiteRun attempt(EnvironmentDatabases databases, String environment, QuerySet set, QuerySuite suite, Instant asOf,
                            RunCancellation cancellation, Consumer<Database> onConnected, Consumer<QueryOutcome> onEach) {
        Database database;
        try {
            database = databases.database(environment);
        } catch (IllegalArgumentException unknown) {
            throw unknown;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.info("environment {} could not be reached", environment, e);
            return unreachable(environment, set, suite, sentence(e), FailureKind.in(e), asOf);
        }
        onConnected.accept(database);
        return run(database, set, suite, asOf, cancellation, onEach);
    }

    private static String sentence(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage().strip();
            }
        }
        return "The database could not be reached (" + failure.getClass().getSimpleName() + "); see the log.";
    }

    /**
     * A run that never reached the database (the server is down, the password is wrong): every query it
     * would have run is ERROR with the reason, so the attempt is on record like any run. A missing
     * checkpoint would be evidence too, but one nobody could read.
     *
     * @param reason one sentence naming what to fix
     */
    public SuiteRun unreachable(String environment, QuerySet set, QuerySuite suite, String reason, FailureKind kind) {
        return unreachable(environment, set, suite, reason, kind, null);
    }

    /** @param asOf the end of the window the run was to measure; null for its own start */
    public SuiteRun unreachable(String environment, QuerySet set, QuerySuite suite, String reason, FailureKind kind, Instant asOf) {
        Instant started = Instant.now(clock);
        Instant until = asOf == null ? started : asOf;
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (QueryDefinition query : queriesOf(set, suite)) {
            outcomes.add(QueryOutcome.failed(query, Map.of(), QueryStatus.ERROR, QueryOutcome.NOT_RUN + reason, started, Duration.ZERO, kind));
        }
        return new SuiteRun(environment, suite.label(), outcomes, Map.of(), null, until.minus(MetricWindow.RUNBOOK), until, started,
                Instant.now(clock), Duration.ZERO);
    }

    /** The suite's queries, then the metric queries the judge reads (the rates, the alarm and legacy counts) over the same window. */
    public static List<QueryDefinition> queriesOf(QuerySet set, QuerySuite suite) {
        List<QueryDefinition> queries = new ArrayList<>(set.suite(suite));
        for (MetricKind metric : MetricKind.values()) {
            set.byName(metric.windowQuery()).ifPresent(queries::add);
        }
        set.byName(AlarmCounts.QUERY).ifPresent(queries::add);
        set.byName(LegacyActivity.QUERY).ifPresent(queries::add);
        return queries;
    }
}
