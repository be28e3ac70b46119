package com.rolloutcontrolroom.services.environment;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.services.db.Database;

/** A configured environment's database, read through its connection pool, with the profile's statement timeout. */
record EnvironmentDatabase(DataSource dataSource, DatabaseTarget target, Duration timeout) implements Database {

    @Override
    public Optional<Duration> statementTimeout() {
        return Optional.of(timeout);
    }
}
