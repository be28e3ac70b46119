package com.rolloutcontrolroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Production-shaped events for the query benchmark, generated inside PostgreSQL (one
 * {@code INSERT ... SELECT generate_series}), so ten million take a minute or two and not an hour of
 * client round trips. The shape is the demo's event mix: half capacity conflicts, a coordinator
 * start/confirm pair per booking, a few percent non-success with reasons, state-machine moves and
 * legacy attempts, spread evenly over the last 7 days (the queries read the last 1, 6, 24 and 48 hours).
 * The schema is the demo's: an index on (source, created_at) only. By default the rows are written in time
 * order, as an event log is appended to (created_at follows the physical order, so an index on it reads
 * only the window's pages); {@code -Dbench.order=random} places each at a random instant of the 7 days
 * instead (the earlier 1M scenario), where even a narrow window's rows lie on nearly every page.
 */
final class BenchEvents {

    /** Bytes a generated event takes on disk with its indexes and the WAL written while loading, rounded up. */
    private static final long BYTES_PER_EVENT = 450;

    private BenchEvents() {
    }

    /** Refuses to start a load the data folder's disk cannot hold, rather than filling it halfway. */
    static void checkDiskSpace(Path dataDirectory, long events) throws IOException {
        long usable = Files.getFileStore(dataDirectory).getUsableSpace();
        long needed = events * BYTES_PER_EVENT;
        System.out.printf(Locale.ROOT, "disk: %.1f GB free where the data goes, %.1f GB needed for %,d events%n",
                usable / 1e9, needed / 1e9, events);
        if (usable < needed * 2) {
            throw new IllegalStateException("Not enough disk space for " + events + " events: free at least " + needed * 2 / 1_000_000_000
                    + " GB under " + dataDirectory + ".");
        }
    }

    static void load(DataSource dataSource, long events) throws SQLException {
        boolean random = "random".equals(System.getProperty("bench.order", "time"));
        String createdAt = random ? "now() - (random() * interval '7 days')"
                : "now() - interval '7 days' + ((g - 1) * (604800.0 / %d)) * interval '1 second'".formatted(events);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit = off");
            statement.execute("SET maintenance_work_mem = '1GB'");
            statement.execute("""
                    CREATE TABLE observability_events (id bigserial PRIMARY KEY, source text NOT NULL, event_type text NOT NULL,
                      context jsonb, created_at timestamptz NOT NULL DEFAULT now())""");
            statement.execute("""
                    INSERT INTO observability_events (source, event_type, context, created_at)
                    SELECT t.source, t.event_type,
                           CASE WHEN t.reason IS NULL THEN jsonb_build_object('booking_id', g)
                                ELSE jsonb_build_object('booking_id', g, 'reason', t.reason) END,
                           %s
                    FROM generate_series(1, %d) g
                    CROSS JOIN LATERAL (SELECT (g::bigint * 7919) %% 1000 AS bucket) b
                    CROSS JOIN LATERAL (SELECT
                      CASE WHEN b.bucket < 500 THEN 'capacity.rpc' WHEN b.bucket < 900 THEN 'assignment.coordinator'
                           WHEN b.bucket < 970 THEN 'assignment.state_machine' ELSE 'auto_assign' END AS source,
                      CASE WHEN b.bucket < 500 THEN 'capacity.rpc.conflict'
                           WHEN b.bucket < 690 THEN 'coordinator.start' WHEN b.bucket < 880 THEN 'coordinator.confirmed'
                           WHEN b.bucket < 890 THEN 'coordinator.retry' WHEN b.bucket < 895 THEN 'coordinator.lock_contention'
                           WHEN b.bucket < 898 THEN 'coordinator.manual_review' WHEN b.bucket < 899 THEN 'coordinator.error'
                           WHEN b.bucket < 900 THEN 'coordinator.circuit_open'
                           WHEN b.bucket < 970 THEN 'state_machine.transition' ELSE 'auto_assign.attempt' END AS event_type,
                      CASE WHEN b.bucket BETWEEN 880 AND 899 THEN 'reason_' || (g %% 5) END AS reason) t""".formatted(createdAt, events));
            // built after the load, as a bulk load would: one sort instead of ten million insertions
            statement.execute("CREATE INDEX observability_events_source_created_at_idx ON observability_events (source, created_at)");
            statement.execute("VACUUM ANALYZE observability_events");
        }
        System.out.printf(Locale.ROOT, "generated %,d events in %s order (table, (source, created_at) index, vacuum analyze) in %.1f s%n",
                events, random ? "random" : "time", (System.nanoTime() - started) / 1e9);
    }

    /** The index the advice proposes; built like the advice says, so the "with index" figures are what a DBA gets. */
    static void addCreatedAtIndex(DataSource dataSource) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '1GB'");
            statement.execute("CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at)");
            statement.execute("VACUUM ANALYZE observability_events");
        }
        System.out.printf(Locale.ROOT, "built observability_events_created_at_idx in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
