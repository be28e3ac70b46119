package com.rolloutcontrolroom.domain.health;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the seeds' quick health check: an event type of {@code assignment.coordinator}, how
 * many events it had in the window, and the share of them without a {@code context.reason}.
 */
public record HealthCheckRow(String eventType, long total, BigDecimal successPct) {

    public HealthCheckRow {
        Objects.requireNonNull(eventType, "eventType");
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
    }
}
