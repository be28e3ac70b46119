package com.rolloutcontrolroom.domain.rollout;

import com.rolloutcontrolroom.domain.gate.GateThresholds;
import java.time.Duration;
import java.util.Objects;

/**
 * A phase's gate as planned.
 *
 * @param sustained  for {@link GateKind#METRICS}: how long the thresholds must hold (48 h in the seed); else null
 * @param thresholds for {@link GateKind#METRICS}: the bands; else null
 */
public record PhaseGate(GateKind kind, Duration sustained, GateThresholds thresholds) {

    public static final PhaseGate CHECKLIST = new PhaseGate(GateKind.CHECKLIST, null, null);
    public static final PhaseGate DURATION = new PhaseGate(GateKind.DURATION, null, null);

    public PhaseGate {
        Objects.requireNonNull(kind, "kind");
        if (kind == GateKind.METRICS) {
            if (sustained == null || sustained.isZero() || sustained.isNegative()) {
                throw new PlanFormatException("sustained", "is missing; a metrics gate says how long its thresholds must hold, as 48h");
            }
            Objects.requireNonNull(thresholds, "thresholds");
        } else {
            sustained = null;
            thresholds = null;
        }
    }

    public static PhaseGate metrics(Duration sustained, GateThresholds thresholds) {
        return new PhaseGate(GateKind.METRICS, sustained, thresholds);
    }
}
