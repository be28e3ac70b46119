package com.rolloutcontrolroom.services.environment;

import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.DatabaseProvider;

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

    /** Blocking (reads the credential store): call from background work. */
    /**
     * Blocking. A new pool first proves it can log in with one direct connection, so a wrong password
     * or an unknown host is one sentence at once instead of a pool timeout on every query.
     *
     * @throws SQLException whose message is one sentence naming what to fix, and the server's SQLState
     */
    public synchronized Database database(EnvironmentProfile profile) throws CredentialException, SQLException {
        Pool pool = pools.get(profile.name());
        if (pool != null && !pool.profile().equals(profile)) {
            pool.dataSource().close();
            pool = null;
        }
        if (pool == null) {
            probe(profile);
            pool = new Pool(profile, open(profile));
            pools.put(profile.name(), pool);
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

    private void probe(EnvironmentProfile profile) throws CredentialException, SQLException {
        Optional<char[]> stored = credentials.read(CredentialKey.forEnvironment(profile.name()));
        char[] password = stored.orElseGet(() -> new char[0]);
        try (Connection connection = PostgresDataSources.unpooled(profile, password).getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw new SQLException(ConnectionFailures.describe(e, profile, stored.isPresent()), e.getSQLState(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private HikariDataSource open(EnvironmentProfile profile) throws CredentialException {
        char[] password = credentials.read(CredentialKey.forEnvironment(profile.name())).orElseGet(() -> new char[0]);
        HikariConfig config = new HikariConfig();
        try {
            config.setDataSource(PostgresDataSources.unpooled(profile, password));
        } finally {
            Arrays.fill(password, '\0');
        }
        config.setPoolName("env-" + profile.name());
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1); // never connect at creation: the app must start offline
        config.setConnectionTimeout(Duration.ofSeconds(15).toMillis());
        config.setIdleTimeout(Duration.ofMinutes(2).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }

    private record Pool(EnvironmentProfile profile, HikariDataSource dataSource) {
    }
}
