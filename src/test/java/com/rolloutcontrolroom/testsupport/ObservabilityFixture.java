package com.rolloutcontrolroom.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Builds an {@code observability_events} table with events placed relative to the server's
 * {@code now()}, and keeps the list so a test can compute what it expects on its own.
 */
public final class ObservabilityFixture {

    private final DataSource dataSource;
    private final List<Event> events = new ArrayList<>();

    public ObservabilityFixture(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS observability_events (
                      id bigserial PRIMARY KEY, source text NOT NULL, event_type text NOT NULL,
                      context jsonb, created_at timestamptz NOT NULL DEFAULT now())""");
            statement.execute("TRUNCATE observability_events");
        }
    }

    /** @param reason null for no reason key at all; "" for a reason key that is present but empty */
    public ObservabilityFixture coordinator(String eventType, String reason, int minutesAgo) throws SQLException {
        return add(new Event("assignment.coordinator", eventType, reason, minutesAgo));
    }

    public ObservabilityFixture add(Event event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO observability_events (source, event_type, context, created_at) "
                             + "VALUES (?, ?, CASE WHEN CAST(? AS text) IS NULL THEN jsonb_build_object('booking_id', 7) "
                             + "ELSE jsonb_build_object('booking_id', 7, 'reason', CAST(? AS text)) END, "
                             + "now() - make_interval(mins => ?))")) {
            insert.setString(1, event.source());
            insert.setString(2, event.eventType());
            insert.setString(3, event.reason());
            insert.setString(4, event.reason());
            insert.setInt(5, event.minutesAgo());
            insert.executeUpdate();
        }
        events.add(event);
        return this;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public record Event(String source, String eventType, String reason, int minutesAgo) {
    }
}
