package com.rolloutcontrolroom.services.db;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;

/** A reachable environment database: how to connect, and what to show about it. */
public interface Database {

    DataSource dataSource();

    DatabaseTarget target();

    /** The environment's own statement timeout, when its profile sets one; otherwise the caller's default applies. */
    default Optional<Duration> statementTimeout() {
        return Optional.empty();
    }

    /** What the login role could do beyond reading, found on the first connection: one sentence each, shown as warnings. */
    default List<String> roleWarnings() {
        return List.of();
    }
}
