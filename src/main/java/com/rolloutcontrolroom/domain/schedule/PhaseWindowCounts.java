package com.rolloutcontrolroom.domain.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * The raw counts of a whole phase window, hour by hour from the deployment marker (hour 0 is the
 * marker's first hour), as the final verification records them in its snapshot's metrics. The gate
 * sums numerators and denominators from these; it never averages percentages.
 *
 * @param success hour index to the success rate's counts; an hour without events is absent
 * @param review  hour index to the manual-review rate's counts
 * @param alarms  coordinator.error and coordinator.circuit_open over the whole window
 */
public record PhaseWindowCounts(Instant start, int hours, Map<Integer, Rate> success, Map<Integer, Rate> review,
                                AlarmCounts alarms) {

    static final String PREFIX = "window.";
    private static final String START = PREFIX + "start_epoch_second";
    private static final String HOURS = PREFIX + "hours";

    public PhaseWindowCounts {
        success = Map.copyOf(success);
        review = Map.copyOf(review);
    }

    public Instant end() {
        return start.plus(Duration.ofHours(hours));
    }

    public Rate successIn(int hour) {
        return success.getOrDefault(hour, new Rate(0, 0));
    }

    public Rate successTotal() {
        return sum(success);
    }

    public Rate reviewTotal() {
        return sum(review);
    }

    private static Rate sum(Map<Integer, Rate> rates) {
        long matching = rates.values().stream().mapToLong(Rate::matching).sum();
        long total = rates.values().stream().mapToLong(Rate::total).sum();
        return new Rate(matching, total);
    }

    /** The snapshot metrics that record it. */
    public Map<String, BigDecimal> toMetrics() {
        Map<String, BigDecimal> metrics = new TreeMap<>();
        metrics.put(START, BigDecimal.valueOf(start.getEpochSecond()));
        metrics.put(HOURS, BigDecimal.valueOf(hours));
        success.forEach((hour, rate) -> put(metrics, hour, "success_rate", rate));
        review.forEach((hour, rate) -> put(metrics, hour, "manual_review_rate", rate));
        metrics.put(PREFIX + AlarmCounts.METRIC_KEY + "." + AlarmCounts.ERRORS, BigDecimal.valueOf(alarms.errors()));
        metrics.put(PREFIX + AlarmCounts.METRIC_KEY + "." + AlarmCounts.CIRCUIT_OPENS, BigDecimal.valueOf(alarms.circuitOpens()));
        return metrics;
    }

    private static void put(Map<String, BigDecimal> metrics, int hour, String name, Rate rate) {
        metrics.put(PREFIX + "hour." + hour + "." + name + ".matching", BigDecimal.valueOf(rate.matching()));
        metrics.put(PREFIX + "hour." + hour + "." + name + ".total", BigDecimal.valueOf(rate.total()));
    }

    /** Read back from a snapshot's metrics; empty when the snapshot did not measure a whole window. */
    public static Optional<PhaseWindowCounts> fromMetrics(Map<String, BigDecimal> metrics) {
        BigDecimal start = metrics.get(START);
        BigDecimal hours = metrics.get(HOURS);
        BigDecimal errors = metrics.get(PREFIX + AlarmCounts.METRIC_KEY + "." + AlarmCounts.ERRORS);
        BigDecimal opens = metrics.get(PREFIX + AlarmCounts.METRIC_KEY + "." + AlarmCounts.CIRCUIT_OPENS);
        if (start == null || hours == null || errors == null || opens == null) {
            return Optional.empty();
        }
        Map<Integer, Rate> success = new TreeMap<>();
        Map<Integer, Rate> review = new TreeMap<>();
        for (int hour = 0; hour < hours.intValueExact(); hour++) {
            Integer at = hour;
            rate(metrics, hour, "success_rate").ifPresent(rate -> success.put(at, rate));
            rate(metrics, hour, "manual_review_rate").ifPresent(rate -> review.put(at, rate));
        }
        return Optional.of(new PhaseWindowCounts(Instant.ofEpochSecond(start.longValueExact()), hours.intValueExact(),
                success, review, new AlarmCounts(errors.longValueExact(), opens.longValueExact())));
    }

    private static Optional<Rate> rate(Map<String, BigDecimal> metrics, int hour, String name) {
        BigDecimal matching = metrics.get(PREFIX + "hour." + hour + "." + name + ".matching");
        BigDecimal total = metrics.get(PREFIX + "hour." + hour + "." + name + ".total");
        return matching == null || total == null ? Optional.empty()
                : Optional.of(new Rate(matching.longValueExact(), total.longValueExact()));
    }
}
