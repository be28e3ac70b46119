package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.util.Objects;

/** One row of a phase's monitoring schedule: T+offset after the deployment marker, and what runs then. */
public record ScheduledCheckpoint(Duration offset, CheckpointKind kind) {

    public ScheduledCheckpoint {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(kind, "kind");
        if (offset.isNegative()) {
            throw new PlanFormatException("offset", "is negative; a checkpoint comes at or after the deployment marker");
        }
    }

    /** "T+0h", "T+30m", "T+48h", as the seed's schedule table writes it. */
    public String label() {
        return "T+" + PlanDuration.format(offset);
    }
}
