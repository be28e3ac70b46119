package com.rolloutcontrolroom.domain.schedule;

import java.time.Duration;

/**
 * How a checkpoint whose database cannot be reached is retried: after the first failed attempt wait
 * {@code firstWait}, then twice as long each time, and after {@code attempts} failed attempts it is ERROR.
 */
public record RetryPolicy(int attempts, Duration firstWait) {

    /** 5 attempts over 15 minutes (waits of 1, 2, 4 and 8 min): a database restart is ridden out, an outage is not hidden. */
    public static final RetryPolicy STANDARD = new RetryPolicy(5, Duration.ofMinutes(1));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** The wait after the {@code failed}-th failed attempt (1-based). */
    public Duration waitAfter(int failed) {
        return firstWait.multipliedBy(1L << Math.min(failed - 1, 20));
    }
}
