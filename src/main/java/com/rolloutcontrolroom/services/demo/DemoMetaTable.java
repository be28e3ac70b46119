package com.rolloutcontrolroom.services.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Reads and writes {@code demo_meta} and {@code demo_timeline} inside the caller's transaction. */
final class DemoMetaTable {

    Optional<DemoMeta> read(Connection connection, boolean lockForUpdate) throws SQLException {
        String sql = "SELECT scenario, bookings_per_hour, seeded_at, generated_until FROM demo_meta"
                + (lockForUpdate ? " FOR UPDATE" : "");
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new DemoMeta(DemoScenario.valueOf(row.getString(1)), row.getInt(2),
                    row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant()));
        }
    }

    /** Empties events, meta and timeline: a reseed starts from nothing. */
    void clear(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE observability_events, demo_meta, demo_timeline RESTART IDENTITY");
        }
    }

    void insert(Connection connection, DemoMeta meta) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO demo_meta (scenario, bookings_per_hour, seeded_at, generated_until) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, meta.scenario().name());
            insert.setInt(2, meta.bookingsPerHour());
            insert.setTimestamp(3, Timestamp.from(meta.seededAt()));
            insert.setTimestamp(4, Timestamp.from(meta.generatedUntil()));
            insert.executeUpdate();
        }
        insertTimeline(connection, meta.story());
    }

    void advanceGeneratedUntil(Connection connection, Instant until) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE demo_meta SET generated_until = ?")) {
            update.setTimestamp(1, Timestamp.from(until));
            update.executeUpdate();
        }
    }

    private void insertTimeline(Connection connection, DemoStory story) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO demo_timeline (marker, at, description) VALUES (?, ?, ?)")) {
            addMarker(insert, "baseline_start", story.baselineStart(), "Baseline window starts (24 h before preparation)");
            addMarker(insert, "baseline_end", story.baselineEnd(), "Baseline window ends");
            addMarker(insert, "shadow_start", story.shadowStart(),
                    "Shadow phase deployed: FEATURE_ASSIGNMENT_PIPELINE_V3=false, _SHADOW=true");
            addMarker(insert, "full_start", story.fullStart(),
                    "Full phase deployed: FEATURE_ASSIGNMENT_PIPELINE_V3=true, _SHADOW=false");
            insert.executeBatch();
        }
    }

    private static void addMarker(PreparedStatement insert, String marker, Instant at, String description) throws SQLException {
        insert.setString(1, marker);
        insert.setTimestamp(2, Timestamp.from(at));
        insert.setString(3, description);
        insert.addBatch();
    }
}
