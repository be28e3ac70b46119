package com.rolloutcontrolroom.services.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.schedule.PhaseWindowCounts;
import com.rolloutcontrolroom.services.db.Database;

/**
 * Measures a whole phase window for its gate: both rates hour by hour from the deployment marker and
 * the alarm counts over the window, with the editable metric definitions. Its outcomes are journaled
 * with the final verification that ran them, so the gate's numbers carry their SQL.
 */
public final class PhaseWindowReader {

    private final QueryRunner runner;

    public PhaseWindowReader(QueryRunner runner) {
        this.runner = runner;
    }

    /** The counts and the outcomes that gave them. */
    public record PhaseWindow(PhaseWindowCounts counts, List<QueryOutcome> outcomes) {
    }

    /**
     * Blocking. Hours are counted whole: a window is a whole number of hours from its start.
     *
     * @throws IllegalStateException with one sentence when a query could not run
     */
    public PhaseWindow read(Database database, QuerySet set, Instant start, Duration length) {
        long hours = length.toHours();
        Instant end = start.plus(Duration.ofHours(hours));
        Map<String, String> window = Map.of("since", start.toString(), "until", end.toString());
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (MetricKind metric : MetricKind.values()) {
            outcomes.add(run(database, set, metric.phaseHoursQuery(), window));
        }
        outcomes.add(run(database, set, AlarmCounts.QUERY, window));
        return new PhaseWindow(counts(start, (int) hours, outcomes), outcomes);
    }

    /**
     * The counts of a window from its outcomes (each rate's phase-hours query and the alarm query): one
     * derivation for a live window and for one read back from a snapshot ({@link RecordedMetrics}).
     *
     * @throws IllegalStateException when an outcome is missing or has the wrong columns
     */
    static PhaseWindowCounts counts(Instant start, int hours, List<QueryOutcome> outcomes) {
        Map<MetricKind, Map<Integer, Rate>> rates = new EnumMap<>(MetricKind.class);
        for (MetricKind metric : MetricKind.values()) {
            rates.put(metric, MetricRows.phaseHours(named(outcomes, metric.phaseHoursQuery())));
        }
        return new PhaseWindowCounts(start, hours, rates.get(MetricKind.SUCCESS_RATE), rates.get(MetricKind.MANUAL_REVIEW_RATE),
                MetricRows.alarms(named(outcomes, AlarmCounts.QUERY)));
    }

    private static QueryOutcome named(List<QueryOutcome> outcomes, String name) {
        return outcomes.stream().filter(o -> o.query().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The phase window has no '" + name + "' outcome."));
    }

    private QueryOutcome run(Database database, QuerySet set, String name, Map<String, String> window) {
        QueryDefinition query = set.byName(name).orElseThrow(() -> new IllegalStateException(
                "The query set has no '" + name + "' entry; restore it in metrics.sql."));
        QueryOutcome outcome = runner.runOne(database, query, window, new RunCancellation());
        if (outcome.status() != QueryStatus.OK) {
            throw new IllegalStateException("The phase window could not be measured: " + name + ": " + outcome.error());
        }
        return outcome;
    }
}
