package com.rolloutcontrolroom.services.environment;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.services.db.Database;

/** A configured environment's database, read through its connection pool. */
record EnvironmentDatabase(DataSource dataSource, DatabaseTarget target) implements Database {
}
