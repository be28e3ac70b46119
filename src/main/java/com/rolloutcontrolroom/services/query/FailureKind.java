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
