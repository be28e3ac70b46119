package com.rolloutcontrolroom.services.db;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;

/** A reachable environment database: how to connect, and what to show about it. */
public interface Database {

    DataSource dataSource();

    DatabaseTarget target();
}
