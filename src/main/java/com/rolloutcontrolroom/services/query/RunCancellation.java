package com.rolloutcontrolroom.services.query;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets the UI stop a running suite: the query in flight is cancelled on the server, the ones after
 * it do not start.
 */
public final class RunCancellation {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<Statement> running = new AtomicReference<>();

    public void cancel() {
        requested.set(true);
        Statement statement = running.get();
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement finished or its connection closed: nothing left to cancel
            }
        }
    }

    public boolean isRequested() {
        return requested.get();
    }

    void running(Statement statement) {
        running.set(statement);
        if (requested.get()) {
            cancel();
        }
    }

    void finished() {
        running.set(null);
    }
}
