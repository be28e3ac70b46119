package com.rolloutcontrolroom.services.health;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.rolloutcontrolroom.domain.health.HealthCheckResult;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.services.query.QuerySetLoader;

/**
 * Runs the query set's quick health check (the runbook's SQL, exactly) against one database, for
 * the dashboard. Its rows have a fixed shape: event_type, total, success_pct.
 */
public final class HealthCheckService {

    public static final String QUERY_NAME = "quick_health_check";

    private final ReadOnlyQuery readOnlyQuery;
    private final Clock clock;
    private final String sql;

    public HealthCheckService(ReadOnlyQuery readOnlyQuery, Clock clock, QueryDefinition quickHealthCheck) {
        this.readOnlyQuery = readOnlyQuery;
        this.clock = clock;
        this.sql = quickHealthCheck.sql();
    }

    /** With the quick health check shipped in the app's query set. */
    public static HealthCheckService withBuiltInQuery(ReadOnlyQuery readOnlyQuery, Clock clock) {
        QueryDefinition query = QuerySetLoader.builtIn(new QueryFileParser()).byName(QUERY_NAME)
                .orElseThrow(() -> new IllegalStateException("The built-in query set lost " + QUERY_NAME));
        return new HealthCheckService(readOnlyQuery, clock, query);
    }

    public String sql() {
        return sql;
    }

    public HealthCheckResult run(Database database) throws SQLException {
        long started = System.nanoTime();
        List<HealthCheckRow> rows = readOnlyQuery.run(database.dataSource(), connection -> {
            List<HealthCheckRow> read = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    read.add(new HealthCheckRow(resultSet.getString("event_type"),
                            resultSet.getLong("total"), resultSet.getBigDecimal("success_pct")));
                }
            }
            return read;
        });
        // the runbook's SQL has no ORDER BY; sort here so the table reads the same on every refresh
        rows.sort(Comparator.comparing(HealthCheckRow::eventType));
        return new HealthCheckResult(rows, Instant.now(clock), Duration.ofNanos(System.nanoTime() - started));
    }
}
