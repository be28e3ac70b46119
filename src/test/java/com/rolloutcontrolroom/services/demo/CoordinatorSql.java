package com.rolloutcontrolroom.services.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** The seeds' formulas, written out in SQL so tests judge the data independently of the generator. */
final class CoordinatorSql {

    record Rates(long events, long starts, double success, double manualReview) {
    }

    private final DataSource dataSource;

    CoordinatorSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Rates rates(Instant from, Instant to) throws SQLException {
        String sql = """
                SELECT count(*),
                       count(*) FILTER (WHERE event_type = 'coordinator.start'),
                       count(*) FILTER (WHERE context->>'reason' IS NULL)::float8 / nullif(count(*), 0),
                       count(*) FILTER (WHERE event_type = 'coordinator.manual_review')::float8
                           / nullif(count(*) FILTER (WHERE event_type = 'coordinator.start'), 0)
                  FROM observability_events
                 WHERE source = 'assignment.coordinator' AND created_at >= ? AND created_at < ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Rates(row.getLong(1), row.getLong(2), row.getDouble(3), row.getDouble(4));
            }
        }
    }

    long count(String whereClause, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT count(*) FROM observability_events WHERE " + whereClause)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                query.setObject(i + 1, p instanceof Instant instant ? Timestamp.from(instant) : p);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    Instant marker(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT at FROM demo_timeline WHERE marker = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
