package com.rolloutcontrolroom.services.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.HourlyRate;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.Rate;

/** Reads the {@code matching}/{@code total} (and {@code hour_utc}) columns metric queries return. */
final class MetricRows {

    private MetricRows() {
    }

    static Optional<Rate> rate(QueryOutcome outcome) {
        if (outcome.rows().isEmpty()) {
            return Optional.of(new Rate(0, 0));
        }
        List<Object> row = outcome.rows().get(0);
        return Optional.of(new Rate(number(outcome, row, "matching"), number(outcome, row, "total")));
    }

    /** The counts of the alarm query ({@code errors}, {@code circuit_opens}); no row is no events. */
    static AlarmCounts alarms(QueryOutcome outcome) {
        if (outcome.rows().isEmpty()) {
            return new AlarmCounts(0, 0);
        }
        List<Object> row = outcome.rows().get(0);
        return new AlarmCounts(number(outcome, row, AlarmCounts.ERRORS), number(outcome, row, AlarmCounts.CIRCUIT_OPENS));
    }

    /** The count of the legacy-activity query ({@code events}); no row is no events. */
    static long legacyEvents(QueryOutcome outcome) {
        return outcome.rows().isEmpty() ? 0 : number(outcome, outcome.rows().get(0), LegacyActivity.EVENTS);
    }

    static List<HourlyRate> hourly(QueryOutcome outcome) {
        List<HourlyRate> points = new ArrayList<>();
        int hour = column(outcome, "hour_utc");
        for (List<Object> row : outcome.rows()) {
            points.add(new HourlyRate(Instant.parse((String) row.get(hour)),
                    new Rate(number(outcome, row, "matching"), number(outcome, row, "total"))));
        }
        return points;
    }

    /** Per-minute rows ({@code minute_utc}, {@code matching}, {@code total}), oldest first. */
    static List<com.rolloutcontrolroom.domain.metrics.RateBucket> minutely(QueryOutcome outcome) {
        List<com.rolloutcontrolroom.domain.metrics.RateBucket> points = new ArrayList<>();
        int minute = column(outcome, "minute_utc");
        for (List<Object> row : outcome.rows()) {
            points.add(new com.rolloutcontrolroom.domain.metrics.RateBucket(Instant.parse((String) row.get(minute)),
                    new Rate(number(outcome, row, "matching"), number(outcome, row, "total"))));
        }
        return points;
    }

    /** The event breakdown ({@code event_type}, {@code total}, {@code success_pct}), in the query's order. */
    static List<com.rolloutcontrolroom.domain.health.HealthCheckRow> breakdown(QueryOutcome outcome) {
        int type = column(outcome, "event_type");
        int pct = column(outcome, "success_pct");
        return outcome.rows().stream().map(row -> new com.rolloutcontrolroom.domain.health.HealthCheckRow(
                (String) row.get(type), number(outcome, row, "total"), (java.math.BigDecimal) row.get(pct))).toList();
    }

    /** Hour index of a phase window ({@code phase_hour}) to its counts; an hour without events is absent. */
    static java.util.Map<Integer, Rate> phaseHours(QueryOutcome outcome) {
        java.util.Map<Integer, Rate> hours = new java.util.TreeMap<>();
        int hour = column(outcome, "phase_hour");
        for (List<Object> row : outcome.rows()) {
            hours.put(((Number) row.get(hour)).intValue(), new Rate(number(outcome, row, "matching"), number(outcome, row, "total")));
        }
        return hours;
    }

    private static long number(QueryOutcome outcome, List<Object> row, String column) {
        Object value = row.get(column(outcome, column));
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static int column(QueryOutcome outcome, String column) {
        int index = outcome.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalStateException("Metric query " + outcome.query().name() + " must return a column named '"
                    + column + "'; it returned " + outcome.columns() + ".");
        }
        return index;
    }
}
