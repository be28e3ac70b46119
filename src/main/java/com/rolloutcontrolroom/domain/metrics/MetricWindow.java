package com.rolloutcontrolroom.domain.metrics;

import java.time.Duration;

/**
 * The span the rates, the alarm counts and the verdict cover: the runbook's last six hours. One
 * definition, so the dashboard, {@code run} and every snapshot judge the same window.
 */
public final class MetricWindow {

    public static final Duration RUNBOOK = Duration.ofHours(6);
    /** "last 6 h", for labels that say which window a number covers. */
    public static final String LAST = "last " + RUNBOOK.toHours() + " h";
    /** "last 6 hours", for titles and sentences. */
    public static final String LAST_IN_WORDS = "last " + RUNBOOK.toHours() + " hours";

    private MetricWindow() {
    }
}
