package com.rolloutcontrolroom.domain.metrics;

/**
 * The two rates the gates judge. Their SQL lives in {@code queries/metrics.sql} (editable); these
 * name the entries there.
 */
public enum MetricKind {
    SUCCESS_RATE("metric_success_rate", "metric_success_rate_hourly", "metric_success_rate_phase_hours",
            "metric_success_rate_minutely", "Coordinator success rate", "coordinator events"),
    MANUAL_REVIEW_RATE("metric_manual_review_rate", "metric_manual_review_rate_hourly", "metric_manual_review_rate_phase_hours",
            "metric_manual_review_rate_minutely", "Manual-review rate", "started bookings");

    private final String windowQuery;
    private final String hourlyQuery;
    private final String phaseHoursQuery;
    private final String minuteQuery;
    private final String title;
    private final String unit;

    MetricKind(String windowQuery, String hourlyQuery, String phaseHoursQuery, String minuteQuery, String title,
               String unit) {
        this.windowQuery = windowQuery;
        this.hourlyQuery = hourlyQuery;
        this.phaseHoursQuery = phaseHoursQuery;
        this.minuteQuery = minuteQuery;
        this.title = title;
        this.unit = unit;
    }

    public String windowQuery() {
        return windowQuery;
    }

    public String hourlyQuery() {
        return hourlyQuery;
    }

    /** Per hour of a phase window, hour 0 starting at the deployment marker: what the phase gate sums. */
    public String phaseHoursQuery() {
        return phaseHoursQuery;
    }

    /** Per UTC minute ({@code minute_utc}): the intensive first hours after a deployment. */
    public String minuteQuery() {
        return minuteQuery;
    }

    public String title() {
        return title;
    }

    /** What the rate's denominator counts. */
    public String unit() {
        return unit;
    }
}
