package com.rolloutcontrolroom.ui.journal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Times typed into the journal forms: UTC, like the journal itself, so a cutover call spread over
 * time zones reads one clock. "2025-11-13 15:00" (seconds and a 'T' separator are accepted too).
 */
public final class UtcTimeText {

    public static final String EXAMPLE = "2025-11-13 15:00";
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private UtcTimeText() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.strip().replace('T', ' ');
        if (cleaned.endsWith("Z")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
        }
        if (cleaned.endsWith("UTC")) {
            cleaned = cleaned.substring(0, cleaned.length() - 3).strip();
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {MINUTES, SECONDS}) {
            try {
                return Optional.of(LocalDateTime.parse(cleaned, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notThisFormat) {
                // try the next accepted spelling
            }
        }
        return Optional.empty();
    }

    public static String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atOffset(ZoneOffset.UTC));
    }
}
