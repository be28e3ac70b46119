package com.rolloutcontrolroom.services.environment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.db.Database;

/**
 * One small HikariCP pool per environment, sized for a desktop client that runs a query set now and
 * then: at most {@value #MAX_CONNECTIONS} connections, none kept idle, and no connection at
 * creation, so the app starts offline. A pool is rebuilt when its profile or password changes.
 */
public final class ConnectionPools implements AutoCloseable {

    static final int MAX_CONNECTIONS = 2;

    private final CredentialStore credentials;
    private final Map<String, Pool> pools = new HashMap<>();

    public ConnectionPools(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /**
     * Blocking. When the pool holds no connection to reuse, one direct connection is tried first: a
     * pool only reports a server that is down, a wrong password or an unknown host after waiting its
     * whole timeout, a direct attempt says so at once and why.
     *
     * @throws SQLException whose message is one sentence naming what to fix, and the server's SQLState
     */
    public synchronized Database database(EnvironmentProfile profile) throws CredentialException, SQLException {
        Pool pool = pools.get(profile.name());
        if (pool != null && !pool.profile().equals(profile)) {
            pool.dataSource().close();
            pools.remove(profile.name());
            pool = null;
        }
        if (pool == null) {
            probe(profile);
            pool = new Pool(profile, open(profile));
            pools.put(profile.name(), pool);
        } else if (holdsNoConnection(pool.dataSource())) {
            probe(profile);
        }
        return new EnvironmentDatabase(pool.dataSource(), profile.target(), profile.statementTimeout());
    }

    /** Closes the environment's pool, e.g. after its password changed or it was removed. */
    public synchronized void invalidate(String environmentName) {
        Pool pool = pools.remove(environmentName);
        if (pool != null) {
            pool.dataSource().close();
        }
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(pool -> pool.dataSource().close());
        pools.clear();
    }

    private static boolean holdsNoConnection(HikariDataSource pool) {
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        return state == null || state.getTotalConnections() == 0;
    }

    private void probe(EnvironmentProfile profile) throws SQLException {
        StoredPassword password = StoredPassword.read(credentials, profile);
        try (Connection connection = PostgresDataSources.unpooled(profile, password.secret()).getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw new SQLException(ConnectionFailures.describe(e, profile, password), e.getSQLState(), e);
        } finally {
            password.wipe();
        }
    }

    private HikariDataSource open(EnvironmentProfile profile) {
        StoredPassword password = StoredPassword.read(credentials, profile);
        try {
            return pool(profile, PostgresDataSources.unpooled(profile, password.secret()));
        } finally {
            password.wipe();
        }
    }

    /** The pool settings, over any source of connections (the benchmark swaps in variants). */
    static HikariDataSource pool(EnvironmentProfile profile, DataSource connections) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(connections);
        config.setPoolName("env-" + profile.name());
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1); // never connect at creation: the app must start offline
        // never wait for a connection longer than it takes to make one: a wait beyond that is a server
        // that is down or a network that is gone, and the query then fails with that cause
        config.setConnectionTimeout(Duration.ofSeconds(PostgresDataSources.CONNECT_TIMEOUT_SECONDS).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(3).toMillis());
        config.setIdleTimeout(Duration.ofMinutes(2).toMillis());
        // an idle connection to a server that went away is found and dropped within this, so the next run
        // finds the pool empty and learns why from a direct attempt instead of waiting for the pool
        config.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        config.setReadOnly(true);
        config.setExceptionOverride(new DropConfusedConnections());
        return new HikariDataSource(config);
    }

    /**
     * A connection whose transaction or statement state no longer matches the server's is closed, not
     * handed to the next query: the states a pooler that mixes sessions leaves behind.
     */
    static final class DropConfusedConnections implements SQLExceptionOverride {

        private static final Set<String> CONFUSED = Set.of(
                "25001", // active_sql_transaction: a transaction was left open
                "25P02", // in_failed_sql_transaction: a failed one was never rolled back
                "26000", // invalid_sql_statement_name: a prepared statement that is not there
                "42P05", // duplicate_prepared_statement: another client's statement of that name is
                "08P01"); // protocol_violation, e.g. a Bind for a statement of another shape

        @java.lang.Override
        public Override adjudicate(SQLException failure) {
            return failure.getSQLState() != null && CONFUSED.contains(failure.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    }

    private record Pool(EnvironmentProfile profile, HikariDataSource dataSource) {
    }
}
