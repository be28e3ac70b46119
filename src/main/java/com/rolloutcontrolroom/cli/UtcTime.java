package com.rolloutcontrolroom.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Times on the command line are UTC, as the journal keeps them: ISO-8601 ({@code 2026-12-05T07:30:00Z})
 * or what a runbook's table writes ({@code 2026-12-05 07:30}). A local time zone is never guessed:
 * a cutover call spans time zones, and a marker off by an hour would move the whole schedule.
 */
final class UtcTime implements ITypeConverter<Instant> {

    /** What {@code --at} takes, as a usage error repeats it. */
    static final String LABEL = "'yyyy-MM-dd HH:mm' (UTC) or ISO-8601";
    static final String FORMATS = "UTC, as 2026-12-05T07:30:00Z or 2026-12-05 07:30";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    @Override
    public Instant convert(String value) {
        return parse(value);
    }

    static Instant parse(String value) {
        String text = value == null ? "" : value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(text, MINUTES).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notMinutes) {
                throw new TypeConversionException("write the time in " + FORMATS);
            }
        }
    }

    /** "2026-12-05 07:30 UTC" for a person; null stays "-". */
    static String text(Instant at) {
        return at == null ? "-" : MINUTES.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** ISO-8601 for a script; null stays null. */
    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
