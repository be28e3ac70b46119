package com.rolloutcontrolroom.services.environment;

import com.zaxxer.hikari.HikariDataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;

/** For the query benchmark: the app's pool with one pgJDBC setting changed, to measure what it costs. */
public final class BenchmarkPools {

    private BenchmarkPools() {
    }

    /** The app's pool and connection settings, except pgJDBC's default server-side prepared statements (after 5 runs). */
    public static HikariDataSource withServerPreparedStatements(EnvironmentProfile profile) {
        var connections = PostgresDataSources.unpooled(profile, new char[0]);
        connections.setPrepareThreshold(5);
        return ConnectionPools.pool(profile, connections);
    }
}
