package com.rolloutcontrolroom.services.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the generated events between {@code demo_meta.generated_until} and now, and moves that mark in
 * the same transaction: seeding, backfill after a pause and live traffic are all this one step, so a
 * crash or a restart can neither duplicate nor lose a slice.
 */
final class TrafficAppender {

    /** A demo left alone for weeks gets the recent week back, not a month of rows. */
    static final Duration MAX_GAP = Duration.ofDays(7);

    private final TrafficGenerator generator;
    private final DemoMetaTable meta;
    private final EventCopyWriter writer;

    TrafficAppender(TrafficGenerator generator, DemoMetaTable meta, EventCopyWriter writer) {
        this.generator = generator;
        this.meta = meta;
        this.writer = writer;
    }

    /** Appends up to {@code now}; the caller owns the transaction. Returns the number of events written. */
    long appendUntil(Connection connection, Instant now) throws SQLException {
        Instant until = now.truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        Instant from = meta.read(connection, true)
                .orElseThrow(() -> new SQLException("demo_meta is empty: the demo database is not seeded"))
                .generatedUntil();
        if (!from.isBefore(until)) {
            return 0;
        }
        Instant earliest = until.minus(MAX_GAP);
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        long written = writer.insert(connection, generator.generate(from, until));
        meta.advanceGeneratedUntil(connection, until);
        return written;
    }
}
