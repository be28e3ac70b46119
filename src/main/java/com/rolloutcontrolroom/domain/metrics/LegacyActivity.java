package com.rolloutcontrolroom.domain.metrics;

/**
 * The legacy path's {@code auto_assign.*} events of one window: in a shadow phase they are the sign that
 * bookings still reach the app. Counted by the {@code metric_legacy_activity} entry of {@code queries/metrics.sql}.
 */
public final class LegacyActivity {

    /** The metric query that counts them. */
    public static final String QUERY = "metric_legacy_activity";
    /** Its column, and the name a snapshot records it under ({@code legacy_activity.events}). */
    public static final String EVENTS = "events";
    public static final String METRIC_KEY = "legacy_activity";

    private LegacyActivity() {
    }
}
