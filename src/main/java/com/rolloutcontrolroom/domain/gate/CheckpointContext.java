package com.rolloutcontrolroom.domain.gate;

import java.util.Objects;

/**
 * What a checkpoint is judged against besides its own numbers: the bands of the rollout phase, whether
 * that phase runs V3 in shadow mode (so V3 must handle no bookings yet), and the {@code coordinator.error}
 * count of the checkpoint before it in the same phase visit (errors in both are "sustained").
 *
 * @param thresholds     the phase's metrics-gate bands, else the runbook's
 * @param shadow         whether the phase runs V3 in shadow mode
 * @param previousErrors {@code coordinator.error} events at the previous checkpoint taken in the same phase
 *                       visit; null when there is none (the first checkpoint, or no rollout)
 */
public record CheckpointContext(GateThresholds thresholds, boolean shadow, Long previousErrors) {

    /** A run outside any rollout (the {@code run} command, the Dashboard): the runbook's bands, nothing before it. */
    public static final CheckpointContext NONE = new CheckpointContext(GateThresholds.RUNBOOK, false, null);

    public CheckpointContext {
        Objects.requireNonNull(thresholds, "thresholds");
        if (previousErrors != null && previousErrors < 0) {
            throw new IllegalArgumentException("previousErrors must not be negative: " + previousErrors);
        }
    }

    /**
     * @param phaseThresholds the phase gate's thresholds ({@code PhaseGate.thresholds()}); null for a phase
     *                        without a metrics gate, which is judged by the runbook's bands
     */
    public static CheckpointContext of(GateThresholds phaseThresholds, boolean shadow, Long previousErrors) {
        return new CheckpointContext(phaseThresholds == null ? GateThresholds.RUNBOOK : phaseThresholds, shadow, previousErrors);
    }
}
