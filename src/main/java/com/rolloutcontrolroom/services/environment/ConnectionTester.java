package com.rolloutcontrolroom.services.environment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;

/**
 * Connects once, outside the pool so a failure is reported at once and not after the pool's wait,
 * with the same settings as the pool, and through the same read-only query path as every query;
 * and checks what the role could do beyond reading ({@link RoleCheck}).
 */
public final class ConnectionTester {

    private final CredentialStore credentials;
    private final RoleCheck roleCheck = new RoleCheck();

    public ConnectionTester(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /** Blocking; never throws: every failure becomes the check's sentence. */
    public ConnectionCheck test(EnvironmentProfile profile) {
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
                            profile.requireReadOnlyRole());
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
