package com.rolloutcontrolroom.services.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

@ExtendWith(PasswordPostgresExtension.class)
class ConnectionTesterTest {

    private final PasswordPostgres postgres;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final ConnectionTester tester = new ConnectionTester(credentials);
    private final ConnectionPools pools = new ConnectionPools(credentials);

    ConnectionTesterTest(PasswordPostgres postgres) {
        this.postgres = postgres;
    }

    @AfterEach
    void closePools() {
        pools.close();
    }

    private EnvironmentProfile profile(String name, int port, String database, String password) {
        EnvironmentProfile profile = new EnvironmentProfile(name, PasswordPostgres.HOST, port, database, PasswordPostgres.ROLE,
                SslMode.PREFER, "", Duration.ofSeconds(5));
        if (password != null) {
            credentials.store(CredentialKey.forEnvironment(name), password.toCharArray());
        }
        return profile;
    }

    @Test
    void theRightPasswordConnectsAndTheSessionIsReadOnly() {
        ConnectionCheck check = tester.test(profile("staging", postgres.port(), PasswordPostgres.DATABASE, postgres.password()));

        assertThat(check.connected()).as(check.sentence()).isTrue();
        assertThat(check.serverVersion()).startsWith("17.");
        assertThat(check.readOnly()).isTrue();
        assertThat(check.sentence()).startsWith("Connected to PostgreSQL 17.").endsWith("the session is read-only.");
        System.out.println("test-connection: " + check.sentence());
    }

    @Test
    void aWrongPasswordSaysSo() {
        ConnectionCheck check = tester.test(profile("staging", postgres.port(), PasswordPostgres.DATABASE, "not-the-password"));

        assertThat(check.connected()).isFalse();
        assertThat(check.sentence()).isEqualTo("PostgreSQL rejected the password for user rollout_reader on 127.0.0.1:"
                + postgres.port() + "; store the right password for environment staging.");
    }

    @Test
    void noStoredPasswordSaysNoneIsStored() {
        ConnectionCheck check = tester.test(profile("nopassword", postgres.port(), PasswordPostgres.DATABASE, null));

        assertThat(check.sentence()).startsWith("The server asks for a password but none is stored for environment nopassword");
    }

    @Test
    void aWrongPortSaysNothingAccepted() throws IOException {
        ConnectionCheck check = tester.test(profile("staging", freePort(), PasswordPostgres.DATABASE, postgres.password()));

        assertThat(check.connected()).isFalse();
        assertThat(check.sentence()).startsWith("Nothing accepted a connection on 127.0.0.1:");
    }

    @Test
    void aMissingDatabaseSaysWhichOne() {
        ConnectionCheck check = tester.test(profile("staging", postgres.port(), "no_such_db", postgres.password()));

        assertThat(check.sentence()).isEqualTo("The database \"no_such_db\" does not exist on 127.0.0.1:" + postgres.port()
                + "; check the database name of environment staging.");
    }

    @Test
    void anUnknownHostSaysSo() {
        EnvironmentProfile profile = new EnvironmentProfile("staging", "no-such-host.invalid", 5432, "postgres", "postgres",
                SslMode.PREFER, "", Duration.ofSeconds(5));

        assertThat(tester.test(profile).sentence()).startsWith("The host \"no-such-host.invalid\" is unknown");
    }

    @Test
    void requiringTlsFromAServerWithoutItIsATlsFailure() {
        EnvironmentProfile profile = new EnvironmentProfile("staging", PasswordPostgres.HOST, postgres.port(), PasswordPostgres.DATABASE,
                PasswordPostgres.ROLE, SslMode.REQUIRE, "", Duration.ofSeconds(5));
        credentials.store(CredentialKey.forEnvironment("staging"), postgres.password().toCharArray());

        assertThat(tester.test(profile).sentence()).startsWith("The TLS connection to 127.0.0.1:" + postgres.port() + " failed");
    }

    @Test
    void anInsertThroughTheQueryPathIsRejectedAsReadOnly() throws Exception {
        EnvironmentProfile profile = profile("staging", postgres.port(), PasswordPostgres.DATABASE, postgres.password());
        Database database = pools.database(profile);

        SQLException refused = catchThrowableOfType(SQLException.class, () -> new ReadOnlyQuery(Duration.ofSeconds(5))
                .run(database.dataSource(), connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO observability_events (source, event_type) VALUES (?, ?)")) {
                        insert.setString(1, "assignment.coordinator");
                        insert.setString(2, "coordinator.error");
                        return insert.executeUpdate();
                    }
                }));

        assertThat(refused.getSQLState()).isEqualTo("25006");
        assertThat(ConnectionFailures.describe(refused, profile, true)).startsWith("PostgreSQL refused to write because the session is read-only");
    }

    @Test
    void queriesRunThroughThePool() throws Exception {
        Database database = pools.database(profile("staging", postgres.port(), PasswordPostgres.DATABASE, postgres.password()));

        long events = new ReadOnlyQuery(Duration.ofSeconds(5)).run(database.dataSource(), connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT count(*) FROM observability_events")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        assertThat(events).isPositive();
        assertThat(database.target().describe()).isEqualTo("staging: rollout_reader@127.0.0.1:" + postgres.port() + "/rollout_test");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
