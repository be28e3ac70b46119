package com.rolloutcontrolroom.services.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measures the judge reads, derived from a run's outcomes: the two rates, the alarm counts and the
 * legacy count. One derivation for a live run and for a recorded snapshot read back
 * ({@link RecordedMetrics}), so a verifier recomputes the numbers exactly as they were computed.
 *
 * @param alarms       null when the alarm query did not run or returned the wrong columns
 * @param legacyEvents null when the legacy query did not run or returned the wrong columns
 */
record RunMeasures(Map<MetricKind, Rate> rates, AlarmCounts alarms, Long legacyEvents) {

    private static final Logger LOG = LoggerFactory.getLogger(RunMeasures.class);

    RunMeasures {
        rates = Map.copyOf(rates);
    }

    /** The first OK outcome of each metric query counts; an edited query returning the wrong columns is left out (its rows are still journaled). */
    static RunMeasures of(List<QueryOutcome> outcomes) {
        Map<MetricKind, Rate> rates = new EnumMap<>(MetricKind.class);
        for (MetricKind metric : MetricKind.values()) {
            ranOk(outcomes, metric.windowQuery()).flatMap(o -> read(o, () -> MetricRows.rate(o).orElseThrow()))
                    .ifPresent(rate -> rates.put(metric, rate));
        }
        AlarmCounts alarms = ranOk(outcomes, AlarmCounts.QUERY).flatMap(o -> read(o, () -> MetricRows.alarms(o))).orElse(null);
        Long legacy = ranOk(outcomes, LegacyActivity.QUERY).flatMap(o -> read(o, () -> MetricRows.legacyEvents(o))).orElse(null);
        return new RunMeasures(rates, alarms, legacy);
    }

    private static Optional<QueryOutcome> ranOk(List<QueryOutcome> outcomes, String name) {
        return outcomes.stream().filter(o -> o.query().name().equals(name) && o.status() == QueryStatus.OK).findFirst();
    }

    private static <T> Optional<T> read(QueryOutcome outcome, java.util.function.Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (IllegalStateException | ClassCastException e) {
            LOG.warn("{} ({})", e.getMessage(), outcome.query().name());
            return Optional.empty();
        }
    }
}
