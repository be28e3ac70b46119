package com.rolloutcontrolroom.domain.rollout;

import java.time.Instant;

import com.rolloutcontrolroom.domain.operator.Operator;

/**
 * One deployment marker as it reads now (corrections applied): the rollout entered {@code toPhase}
 * at {@code marker}. A move backwards is the second half of a rollback.
 *
 * @param corrected whether a correction changed what the record first said
 */
public record PhaseVisit(long recordId, String fromPhase, String toPhase, String environment, Instant marker,
                         String deploymentUrl, String deployedBy, String note, Operator recordedBy,
                         Instant recordedAt, boolean backwards, boolean corrected) {
}
