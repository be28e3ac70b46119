package com.rolloutcontrolroom.services.environment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.services.db.Database;

/** An environment's database together with the warnings its role check gave on the first connection. */
record RoleCheckedDatabase(Database database, List<String> roleWarnings) implements Database {

    RoleCheckedDatabase {
        roleWarnings = List.copyOf(roleWarnings);
    }

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public DatabaseTarget target() {
        return database.target();
    }

    @Override
    public Optional<Duration> statementTimeout() {
        return database.statementTimeout();
    }
}
