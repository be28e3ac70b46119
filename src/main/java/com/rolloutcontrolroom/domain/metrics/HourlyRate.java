package com.rolloutcontrolroom.domain.metrics;

import java.time.Instant;

/** A rate over one UTC hour, starting at {@code hourStart}. */
public record HourlyRate(Instant hourStart, Rate rate) {
}
