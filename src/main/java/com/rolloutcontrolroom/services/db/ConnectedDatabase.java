package com.rolloutcontrolroom.services.db;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;

/** A database already at hand: a data source and what to show about it. */
public record ConnectedDatabase(DataSource dataSource, DatabaseTarget target) implements Database {
}
