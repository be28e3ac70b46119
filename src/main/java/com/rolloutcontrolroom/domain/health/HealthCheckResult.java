package com.rolloutcontrolroom.domain.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What one run of the quick health check returned, and when and how fast it ran. */
public record HealthCheckResult(List<HealthCheckRow> rows, Instant finishedAt, Duration took) {

    public HealthCheckResult {
        rows = List.copyOf(rows);
    }

    public long totalEvents() {
        return rows.stream().mapToLong(HealthCheckRow::total).sum();
    }
}
