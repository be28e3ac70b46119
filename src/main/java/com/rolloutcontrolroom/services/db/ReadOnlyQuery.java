package com.rolloutcontrolroom.services.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Runs work in a read-only transaction with a statement timeout, and leaves no session state
 * behind: each transaction starts from the role's defaults ({@code RESET ALL}, {@code RESET ROLE},
 * so a session another client poisoned behind a pooler cannot move our {@code search_path}) and
 * always ends with {@code ROLLBACK}, which undoes even a non-local {@code set_config}.
 * {@code SET LOCAL} inside the transaction is the form that survives transaction poolers (startup
 * options and session SETs do not).
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
        return run(dataSource, timeout, false, work);
    }

    /**
     * As {@link #run(DataSource, Duration, SqlWork)}, then the connection is closed for good instead
     * of going back to a pool: for SQL the app did not write, so no later query shares its session
     * (a session-level advisory lock, a temporary object, a setting no reset covers).
     */
    public <T> T runAndDiscard(DataSource dataSource, Duration timeout, SqlWork<T> work) throws SQLException {
        return run(dataSource, timeout, true, work);
    }

    private <T> T run(DataSource dataSource, Duration timeout, boolean discard, SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return inTransaction(connection, timeout, work);
            } finally {
                if (discard) {
                    DiscardedConnections.discard(dataSource, connection);
                }
            }
        }
    }

    private static <T> T inTransaction(Connection connection, Duration timeout, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        T result;
        try {
            try (Statement statement = connection.createStatement()) {
                // one round trip for all; a cached generic plan cannot see how narrow a time window is, so each
                // run is planned for its own parameter values; standard strings are how the query check reads SQL
                statement.execute("RESET ALL; RESET ROLE; SET LOCAL statement_timeout = " + timeout.toMillis()
                        + "; SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL standard_conforming_strings = on");
            }
            result = work.apply(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        connection.rollback(); // a read has nothing to commit, and a rollback undoes what a read should not have done
        return result;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
