package com.rolloutcontrolroom.domain.rollout;

import java.util.Locale;
import java.util.Optional;

/** What must be true of a phase before the rollout may leave it. */
public enum GateKind {
    /** The phase's own checklist is complete (Preparation). */
    CHECKLIST,
    /** The phase has run its minimum duration (a shadow phase). */
    DURATION,
    /** The metrics held within the thresholds for the sustained period (a full phase); judged over the schedule's snapshots. */
    METRICS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GateKind> parse(String code) {
        for (GateKind kind : values()) {
            if (kind.code().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
