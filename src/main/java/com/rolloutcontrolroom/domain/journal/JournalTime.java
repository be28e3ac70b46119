package com.rolloutcontrolroom.domain.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one way the journal writes a time: UTC, millisecond precision, fixed width. Records truncate
 * their instants on construction so a record read back from the journal equals the one written.
 */
public final class JournalTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private JournalTime() {
    }

    public static Instant normalize(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("Time " + instant + " is outside 1970–9999; check the clock or the date entered.");
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** "2025-11-13T15:00:00.000Z" */
    public static String format(Instant instant) {
        return FORMAT.format(normalize(instant));
    }

    public static Instant parse(String text) {
        Instant parsed = Instant.from(FORMAT.parse(text));
        if (!format(parsed).equals(text)) {
            throw new IllegalArgumentException("Time '" + text + "' is not in the journal's canonical form.");
        }
        return parsed;
    }
}
