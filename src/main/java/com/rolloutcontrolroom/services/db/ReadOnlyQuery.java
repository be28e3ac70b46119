package com.rolloutcontrolroom.services.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Runs work in a read-only transaction with a statement timeout. {@code SET LOCAL} inside the
 * transaction is the form that survives transaction poolers (startup options and session SETs do not).
 */
public final class ReadOnlyQuery {

    private final Duration statementTimeout;

    public ReadOnlyQuery(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public <T> T run(DataSource dataSource, SqlWork<T> work) throws SQLException {
        return run(dataSource, statementTimeout, work);
    }

    public <T> T run(DataSource dataSource, Duration timeout, SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                try (Statement statement = connection.createStatement()) {
                    // one round trip for both; a cached generic plan cannot see how narrow a time window
                    // is, so each run is planned for its own parameter values
                    statement.execute("SET LOCAL statement_timeout = " + timeout.toMillis()
                            + "; SET LOCAL plan_cache_mode = force_custom_plan");
                }
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    // on a lost connection the rollback fails too ("Connection is closed"): the query's failure says why
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
