package com.rolloutcontrolroom.services.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.rolloutcontrolroom.domain.health.HealthCheckResult;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;

/** Runs the seeds' quick health check, exactly as written in the runbook, against one database. */
public final class HealthCheckService {

    private static final String SQL_RESOURCE = "/queries/quick-health-check.sql";

    private final ReadOnlyQuery readOnlyQuery;
    private final Clock clock;
    private final String sql;

    public HealthCheckService(ReadOnlyQuery readOnlyQuery, Clock clock) {
        this.readOnlyQuery = readOnlyQuery;
        this.clock = clock;
        this.sql = loadSql();
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

    private static String loadSql() {
        try (InputStream in = HealthCheckService.class.getResourceAsStream(SQL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Query file missing from the build: " + SQL_RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip()
                    .replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
