package com.rolloutcontrolroom.services.query;

import java.sql.SQLException;
import java.time.Duration;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.services.db.LostConnection;
import com.rolloutcontrolroom.services.db.PoolerTrouble;

/**
 * One sentence for a query that could not run: a lost connection or a pooler's error by its cause
 * (never pgJDBC's "Connection is closed" left by a rollback after the loss), else PostgreSQL's SQLSTATE.
 */
final class SqlFailure {

    private SqlFailure() {
    }

    static String describe(SQLException failure, Duration timeout, DatabaseTarget target) {
        String where = target.host() + ":" + target.port();
        return PoolerTrouble.describe(failure, where)
                .or(() -> LostConnection.describe(failure, where, timeout))
                .orElseGet(() -> describe(failure, timeout.toMillis()));
    }

    static String describe(SQLException failure, long timeoutMillis) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String server = firstLine(failure.getMessage());
        return switch (state) {
            case "57014" -> "Cancelled by the statement timeout of " + timeoutMillis + " ms (or by the user); narrow the query or raise the timeout.";
            case "25006" -> "Refused: the query tried to write, and queries run read-only.";
            case "28P01" -> "PostgreSQL rejected the password; store the right one for this environment in Settings.";
            case "28000" -> "PostgreSQL refused this user (" + server + "); check the user of this environment in Settings.";
            case "42501" -> "Permission denied: the environment's user may not read this (" + server + ").";
            case "42601" -> "SQL syntax error: " + server + ".";
            case "42P01", "42703", "42883" -> "The query names something the database lacks: " + server + ".";
            default -> state.startsWith("08")
                    ? "The connection to the database failed: " + server + "."
                    : "The query failed: " + server + (state.isEmpty() ? "." : " (SQLSTATE " + state + ").");
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        line = line.startsWith("ERROR: ") ? line.substring(7) : line;
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
