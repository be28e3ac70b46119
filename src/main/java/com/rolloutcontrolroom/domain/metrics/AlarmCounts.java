package com.rolloutcontrolroom.domain.metrics;

/**
 * The runbook's red-flag events of one window: {@code coordinator.error} and {@code coordinator.circuit_open}.
 * Counted by the {@code metric_coordinator_alarms} entry of {@code queries/metrics.sql} over the same window as the rates.
 */
public record AlarmCounts(long errors, long circuitOpens) {

    /** The metric query that counts them. */
    public static final String QUERY = "metric_coordinator_alarms";
    /** Its columns, and the names a snapshot records them under ({@code coordinator_alarms.errors}, ...). */
    public static final String ERRORS = "errors";
    public static final String CIRCUIT_OPENS = "circuit_opens";
    public static final String METRIC_KEY = "coordinator_alarms";

    public AlarmCounts {
        if (errors < 0 || circuitOpens < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + errors + " errors, " + circuitOpens + " circuit opens");
        }
    }
}
