package com.rolloutcontrolroom.ui.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * The time span both charts show: [from, until), its bucket and the words that say which span it is.
 *
 * @param span e.g. "this phase, hourly", "whole rollout, last 7 days, hourly"
 */
record ChartWindow(Instant from, Instant until, Duration step, String span) {

    boolean byMinute() {
        return step.equals(Duration.ofMinutes(1));
    }

    boolean contains(Instant at) {
        return !at.isBefore(from) && !at.isAfter(until);
    }
}
