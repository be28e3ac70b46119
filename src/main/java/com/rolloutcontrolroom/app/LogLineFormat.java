package com.rolloutcontrolroom.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log line: the UTC time to the millisecond, the level, the logger and the message, then the stack
 * trace if any. Written out instead of {@code SimpleFormatter}'s format string, which printed the local time
 * with a {@code Z} (a wrong time in every zone but UTC) and, checking its format at start, loaded the locale
 * data of {@code String.format} before the window's first frame.
 */
final class LogLineFormat extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord logRecord) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(logRecord.getInstant()))
                .append(' ').append(logRecord.getLevel().getName())
                .append(' ').append(logRecord.getLoggerName())
                .append(": ").append(formatMessage(logRecord));
        if (logRecord.getThrown() != null) {
            StringWriter trace = new StringWriter();
            trace.append(System.lineSeparator());
            logRecord.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace.toString().stripTrailing());
        }
        return line.append(System.lineSeparator()).toString();
    }
}
