package com.rolloutcontrolroom.domain.metrics;

import java.time.Instant;

/** A rate over one bucket of a series (a UTC hour, a UTC minute), starting at {@code start}. */
public record RateBucket(Instant start, Rate rate) {

    public static RateBucket of(HourlyRate hour) {
        return new RateBucket(hour.hourStart(), hour.rate());
    }
}
