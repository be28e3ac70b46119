package com.rolloutcontrolroom.services.environment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;

/**
 * Connects once, outside the pool so a failure is reported at once and not after the pool's wait,
 * with the same settings as the pool, and through the same read-only query path as every query;
 * and checks what the role could do beyond reading ({@link RoleCheck}) and which index the queries
 * lack ({@link IndexAdviceCheck}).
 */
public final class ConnectionTester {

    private final CredentialStore credentials;
    private final RoleCheck roleCheck = new RoleCheck();
    private final IndexAdviceCheck indexCheck = new IndexAdviceCheck();

    public ConnectionTester(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /** Blocking; never throws: every failure becomes the check's sentence. No index advice: no queries to advise for. */
    public ConnectionCheck test(EnvironmentProfile profile) {
        return test(profile, List.of());
    }

    /**
     * As {@link #test(EnvironmentProfile)}, with the index advice for these queries.
     *
     * @param queries the queries a full suite sends ({@code SuiteRunner.queriesOf})
     */
    public ConnectionCheck test(EnvironmentProfile profile, List<QueryDefinition> queries) {
        StoredPassword password = StoredPassword.read(credentials, profile);
        DataSource dataSource;
        try {
            dataSource = PostgresDataSources.unpooled(profile, password.secret());
        } finally {
            password.wipe();
        }
        long started = System.nanoTime();
        try {
            return new ReadOnlyQuery(profile.statementTimeout()).run(dataSource, connection -> {
                Duration connectTime = Duration.ofNanos(System.nanoTime() - started);
                try (Statement statement = connection.createStatement()) {
                    long before = System.nanoTime();
                    statement.execute("SELECT 1");
                    Duration roundTrip = Duration.ofNanos(System.nanoTime() - before);
                    String version = single(statement, "SHOW server_version");
                    boolean readOnly = "on".equals(single(statement, "SHOW transaction_read_only"));
                    return ConnectionCheck.connected(version, connectTime, roundTrip, readOnly, roleCheck.check(connection),
                            profile.requireReadOnlyRole(), indexCheck.check(connection, queries));
                }
            });
        } catch (SQLException | RuntimeException e) {
            return ConnectionCheck.failed(ConnectionFailures.describe(e, profile, password));
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getString(1);
        }
    }
}
