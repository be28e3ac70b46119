package com.rolloutcontrolroom.ui.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PhaseStatus;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.ui.journal.UtcTimeText;

/** One phase on the timeline, as text: where it stands, when it started and ended, how long it ran and must run. */
public record PhaseCard(String name, PhaseStatus status, String started, String ended, String duration, String minimum) {

    static final String NOT_YET = "—";

    static PhaseCard of(PhaseState phase, Instant now) {
        Duration minimum = phase.plan().minimumDuration();
        String ran = phase.duration(now)
                .map(d -> (phase.endedAt() == null ? "running " : "ran ") + PlanDuration.words(d))
                // a phase left before the rollout was recorded in the app (adopted mid-way) has no known start
                .orElse(phase.endedAt() != null ? "start not recorded" : "not started");
        return new PhaseCard(phase.name(), phase.status(), utc(phase.startedAt()), utc(phase.endedAt()), ran,
                minimum == null ? "no minimum" : "minimum " + PlanDuration.words(minimum));
    }

    /** The same card with its text as it may be shown (a phase name may name a host). */
    PhaseCard shownBy(UnaryOperator<String> shown) {
        return new PhaseCard(shown.apply(name), status, shown.apply(started), shown.apply(ended), shown.apply(duration),
                shown.apply(minimum));
    }

    /** The style class that colours the card: {@code phase-done}, {@code phase-current}, ... */
    public String styleClass() {
        return "phase-" + status.name().toLowerCase(Locale.ROOT);
    }

    static String utc(Instant instant) {
        return instant == null ? NOT_YET : UtcTimeText.format(instant) + " UTC";
    }
}
