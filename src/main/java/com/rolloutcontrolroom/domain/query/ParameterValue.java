package com.rolloutcontrolroom.domain.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parameter's text into the value to bind: an interval stays text (PostgreSQL casts it),
 * a timestamptz becomes an {@link Instant} ({@code now} and {@code now - 6 hours} are relative to
 * the run), an integer a {@link Long}.
 */
public final class ParameterValue {

    private static final Pattern RELATIVE = Pattern.compile("now(?:\\s*-\\s*(.+))?", Pattern.CASE_INSENSITIVE);

    private ParameterValue() {
    }

    /** @throws IllegalArgumentException whose message says what the value should look like */
    public static Object resolve(ParameterType type, String text, Instant now) {
        String value = text.strip();
        switch (type) {
            case INTERVAL -> {
                IntervalText.parse(value);
                return value;
            }
            case TIMESTAMPTZ -> {
                Matcher relative = RELATIVE.matcher(value);
                if (relative.matches()) {
                    return relative.group(1) == null ? now : now.minus(IntervalText.parse(relative.group(1)));
                }
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("an ISO-8601 instant such as 2025-11-13T15:00:00Z, or now, or now - 6 hours");
                }
            }
            case INTEGER -> {
                try {
                    return Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a whole number");
                }
            }
            default -> {
                return value;
            }
        }
    }
}
