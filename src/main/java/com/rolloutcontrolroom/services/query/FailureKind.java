package com.rolloutcontrolroom.services.query;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Why a query did not run: its own fault, or the connection's, which every later query would share. */
public enum FailureKind {
    NONE,
    /** The query itself: syntax, timeout, permission, an attempted write. */
    QUERY,
    /** The database could not be reached. */
    CONNECTION,
    /** PostgreSQL rejected the user or password. */
    PASSWORD;

    /** The kind of the first SQLException in the failure's cause chain; QUERY when there is none. */
    public static FailureKind in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return of(sql);
            }
        }
        return QUERY;
    }

    static FailureKind of(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.startsWith("28")) {
            return PASSWORD;
        }
        if (state.startsWith("08") || failure instanceof SQLTransientConnectionException) {
            return CONNECTION;
        }
        return QUERY;
    }

    /** After such a failure the rest of a run would only wait for the same connection to fail again. */
    public boolean stopsTheRun() {
        return this == CONNECTION || this == PASSWORD;
    }
}
