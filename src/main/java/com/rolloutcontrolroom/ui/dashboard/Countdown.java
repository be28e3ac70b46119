package com.rolloutcontrolroom.ui.dashboard;

import java.time.Duration;
import java.time.Instant;

import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;

/** How long until a checkpoint is due, in words, from the clock alone: "in 1 h 12 min", "due now", "overdue by 7 min". */
final class Countdown {

    private Countdown() {
    }

    static String text(Instant due, Instant now) {
        Duration left = Duration.between(now, due);
        if (left.compareTo(Duration.ofMinutes(1)) >= 0) {
            return "in " + PlanDuration.words(left);
        }
        if (!left.isNegative() && !left.isZero()) {
            return "in " + Math.max(1, left.toSeconds()) + " s";
        }
        Duration late = left.negated();
        // within the ledger's on-time tolerance it is due, not late
        return late.compareTo(CheckpointLedger.ON_TIME) <= 0 ? "due now" : "overdue by " + PlanDuration.words(late);
    }
}
