package com.rolloutcontrolroom.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PhaseStatus;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.RolloutState;

/**
 * One phase of the plan as the strip shows it: its name, where it stands (done, current, next, later)
 * and its times.
 *
 * @param stage "done", "current", "next" or "later": the chip's words and its style
 * @param times e.g. "Dec 3 14:00–Dec 5 14:05 UTC · 48 h 5 min", "Dec 4 06:20–10:20 UTC · 4 h", "since Dec 5 14:05 UTC · T+5h 12m"
 */
public record PhaseChip(String name, String stage, String times) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    static List<PhaseChip> of(RolloutState state, Instant now, UnaryOperator<String> shown) {
        return state.phases().stream().map(phase -> of(phase, now, shown)).toList();
    }

    private static PhaseChip of(PhaseState phase, Instant now, UnaryOperator<String> shown) {
        String stage = stage(phase.status());
        return new PhaseChip(shown.apply(phase.name()), stage, shown.apply(times(phase, now)));
    }

    private static String stage(PhaseStatus status) {
        return switch (status) {
            case DONE -> "done";
            case CURRENT -> "current";
            case NEXT -> "next";
            case PENDING -> "later";
        };
    }

    private static String times(PhaseState phase, Instant now) {
        if (phase.startedAt() == null) {
            return "";
        }
        if (phase.status() == PhaseStatus.CURRENT) {
            return "since " + WHEN.format(phase.startedAt()) + " UTC · " + sinceMarker(phase.duration(now).orElse(Duration.ZERO));
        }
        if (phase.endedAt() != null) {
            boolean sameDay = DAY.format(phase.startedAt()).equals(DAY.format(phase.endedAt()));
            return WHEN.format(phase.startedAt()) + "–" + (sameDay ? HOUR.format(phase.endedAt()) : WHEN.format(phase.endedAt())) + " UTC · "
                    + PlanDuration.words(phase.duration(now).orElse(Duration.ZERO));
        }
        return "";
    }

    /** "T+5h 12m": how long since the deployment marker, as the checkpoints count. */
    static String sinceMarker(Duration ran) {
        return "T+" + ran.toHours() + "h " + ran.toMinutesPart() + "m";
    }
}
