package com.rolloutcontrolroom.services.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.PoolerMode;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;
import com.rolloutcontrolroom.testsupport.PgBouncer;

/**
 * Through a real PgBouncer in transaction mode that discards session state after every
 * transaction: the harshest pooler, where a named prepared statement never survives.
 */
@ExtendWith(PasswordPostgresExtension.class)
class TransactionPoolerTest {

    private static final int RUNS = 200;
    private static final String QUERY = "SELECT count(*) FROM observability_events WHERE source = ? AND id > ?";

    private final PasswordPostgres postgres;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final ConnectionPools pools = new ConnectionPools(credentials);
    private final ReadOnlyQuery readOnlyQuery = new ReadOnlyQuery(Duration.ofSeconds(5));
    private PgBouncer bouncer;

    @TempDir
    Path folder;

    TransactionPoolerTest(PasswordPostgres postgres) {
        this.postgres = postgres;
    }

    @BeforeEach
    void startPgBouncer() throws Exception {
        if (!PgBouncer.installed()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but pgbouncer is not installed; the CI script must apt-get install pgbouncer.");
            }
            Assumptions.abort("pgbouncer is not installed here (apt-get install pgbouncer); with CI=true this test fails instead.");
        }
        bouncer = PgBouncer.start(postgres, folder, true);
        credentials.store(CredentialKey.forEnvironment("pooled"), postgres.password().toCharArray());
    }

    @AfterEach
    void stopPgBouncer() throws Exception {
        pools.close();
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @Test
    void theSameParameterizedQueryRunsManyTimesWithNoPreparedStatementError() throws Exception {
        Database database = pools.database(profile(PoolerMode.TRANSACTION_POOLER));
        ConnectionCheck check = new ConnectionTester(credentials).test(profile(PoolerMode.TRANSACTION_POOLER));
        assertThat(check.connected()).as(check.sentence()).isTrue();

        long started = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
            assertThat(count(database, run % 7)).isPositive();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("pgbouncer: " + RUNS + " parameterized queries through the transaction pooler in " + millis + " ms");
        assertThat(bouncer.log()).doesNotContain("prepared statement");
    }

    @Test
    void aDirectProfileBehindThePoolerFailsWithThePoolerSentence() throws Exception {
        EnvironmentProfile direct = profile(PoolerMode.DIRECT);
        Database database = pools.database(direct);

        // pgJDBC switches to a named server-side statement after prepareThreshold (5) runs
        SQLException failure = catchThrowableOfType(SQLException.class, () -> {
            for (int run = 0; run < 20; run++) {
                count(database, run);
            }
        });

        assertThat((Throwable) failure).as("a named prepared statement should not survive DISCARD ALL").isNotNull();
        assertThat(ConnectionFailures.describe(failure, direct, true))
                .isEqualTo("The connection pooler at 127.0.0.1:" + bouncer.port()
                        + " rejected a prepared statement; set the pooler mode of environment pooled to Transaction pooler.");
    }

    private long count(Database database, int afterId) throws SQLException {
        return readOnlyQuery.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setString(1, "assignment.coordinator");
                statement.setInt(2, afterId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private EnvironmentProfile profile(PoolerMode poolerMode) {
        return new EnvironmentProfile("pooled", PasswordPostgres.HOST, bouncer.port(), PasswordPostgres.DATABASE,
                PasswordPostgres.ROLE, SslMode.DISABLE, "", poolerMode, Duration.ofSeconds(5));
    }
}
