package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a runbook writes them: {@code 0h}, {@code 30m}, {@code 48h}, {@code 7d}; one unit each,
 * so a plan file reads like the seed's "T+30m" and formats back to the same text.
 */
public final class PlanDuration {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,5})([mhd])");

    private PlanDuration() {
    }

    public static Duration parse(String text, String field) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new PlanFormatException(field, "is '" + text + "', not a duration; write minutes, hours or days as 30m, 48h or 7d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The largest whole unit: 2880 minutes is {@code 48h}, not {@code 2d}, as the seed says 48 hours. */
    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 != 0) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours % 24 == 0 && hours >= 24 * 7) {
            return hours / 24 + "d";
        }
        return hours + "h";
    }

    /** "30 min", "48 h", "7 days": how the Rollout screen and status say it. */
    public static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes % (60 * 24) == 0 && minutes >= 60 * 24 * 7) {
            return minutes / (60 * 24) + " days";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
