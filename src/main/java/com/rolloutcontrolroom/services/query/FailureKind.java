package com.rolloutcontrolroom.services.query;

import java.sql.SQLException;

import com.rolloutcontrolroom.services.db.FailureChain;
import com.rolloutcontrolroom.services.db.LostConnection;

/** Why a query did not run: its own fault, or the connection's, which every later query would share. */
public enum FailureKind {
    NONE,
    /** The query itself: syntax, timeout, permission, an attempted write. */
    QUERY,
    /** The database could not be reached, or the connection to it was lost (shut down, refused, reset, stalled). */
    CONNECTION,
    /** PostgreSQL rejected the user or password. */
    PASSWORD;

    /** The kind of the failure, from its whole cause chain; QUERY when no SQL or connection failure is in it. */
    public static FailureKind in(Throwable failure) {
        FailureChain chain = FailureChain.of(failure);
        if (chain.hasStateStartingWith("28")) {
            return PASSWORD;
        }
        if (LostConnection.is(failure)) {
            return CONNECTION;
        }
        return QUERY;
    }

    static FailureKind of(SQLException failure) {
        return in(failure);
    }

    /** After such a failure the rest of a run would only wait for the same connection to fail again. */
    public boolean stopsTheRun() {
        return this == CONNECTION || this == PASSWORD;
    }
}
