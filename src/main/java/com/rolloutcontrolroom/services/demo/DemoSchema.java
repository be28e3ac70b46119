package com.rolloutcontrolroom.services.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The demo database's tables; every statement is idempotent so each start can run them. */
public final class DemoSchema {

    private static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE IF NOT EXISTS observability_events (
                id bigserial PRIMARY KEY,
                source text NOT NULL,
                event_type text NOT NULL,
                context jsonb,
                created_at timestamptz NOT NULL DEFAULT now())""",
            "CREATE INDEX IF NOT EXISTS observability_events_source_created_at_idx ON observability_events (source, created_at)",
            // one row: which story is seeded and how far traffic has been written
            """
            CREATE TABLE IF NOT EXISTS demo_meta (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                scenario text NOT NULL,
                bookings_per_hour integer NOT NULL,
                seeded_at timestamptz NOT NULL,
                generated_until timestamptz NOT NULL)""",
            // the story's markers, so the app reads the demo's deployment markers like any other data
            """
            CREATE TABLE IF NOT EXISTS demo_timeline (
                marker text PRIMARY KEY,
                at timestamptz NOT NULL,
                description text NOT NULL)""");

    private DemoSchema() {
    }

    public static void ensure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
