package com.rolloutcontrolroom.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The server's own time for the statements a suite run sent, from pg_stat_statements: reset before
 * the run, summed after it. total_exec_time is the executor's time (it includes handing rows to the
 * connection, not the network); total_plan_time is planning (track_planning is on). Neither includes
 * parsing, connection or transaction set-up, or the client.
 */
final class ServerTime {

    private static final String READ = """
            SELECT coalesce(sum(total_exec_time), 0), coalesce(sum(total_plan_time), 0), coalesce(sum(calls), 0)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query ILIKE '%observability_events%' AND query NOT ILIKE '%pg_stat_statements%'""";

    private final DataSource admin;

    ServerTime(DataSource admin) throws SQLException {
        this.admin = admin;
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    void reset() throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** What the statements on observability_events since the last reset took on the server. */
    Spent read(int expectedStatements) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(READ)) {
            row.next();
            Spent spent = new Spent(row.getDouble(1), row.getDouble(2), row.getLong(3));
            if (spent.calls() != expectedStatements) {
                throw new IllegalStateException("pg_stat_statements saw " + spent.calls() + " statements, expected " + expectedStatements);
            }
            return spent;
        }
    }

    record Spent(double executionMs, double planningMs, long calls) {
    }
}
