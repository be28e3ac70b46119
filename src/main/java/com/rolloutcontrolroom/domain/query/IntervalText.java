package com.rolloutcontrolroom.domain.query;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Intervals as people and PostgreSQL write them: {@code 6 hours}, {@code 1 day 12 hours}, {@code 30 minutes}. */
public final class IntervalText {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(second|minute|hour|day|week)s?");

    private IntervalText() {
    }

    public static Duration parse(String text) {
        String rest = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = PART.matcher(rest);
        Duration total = Duration.ZERO;
        int position = 0;
        boolean any = false;
        while (matcher.find()) {
            if (!rest.substring(position, matcher.start()).isBlank()) {
                break;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "second" -> Duration.ofSeconds(amount);
                case "minute" -> Duration.ofMinutes(amount);
                case "hour" -> Duration.ofHours(amount);
                case "day" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
            position = matcher.end();
            any = true;
        }
        if (!any || !rest.substring(position).isBlank()) {
            throw new IllegalArgumentException("an interval such as '6 hours' or '1 day 12 hours'");
        }
        return total;
    }
}
