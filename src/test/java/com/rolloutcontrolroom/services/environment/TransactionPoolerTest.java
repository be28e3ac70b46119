package com.rolloutcontrolroom.services.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.services.query.QueryOutcome;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.QueryStatus;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;
import com.rolloutcontrolroom.testsupport.PgBouncer;

/**
 * Through a real PgBouncer (which must be installed: these tests fail without it, they never skip).
 * Profiles here say nothing about a pooler: every connection must be safe behind one.
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
    void storeThePassword() throws Exception {
        credentials.store(CredentialKey.forEnvironment("pooled"), postgres.password().toCharArray());
    }

    @AfterEach
    void stopPgBouncer() throws Exception {
        pools.close();
        if (bouncer != null) {
            bouncer.close();
        }
    }

    /** The harshest transaction pooler: DISCARD ALL after every transaction, so a named prepared statement never survives. */
    @Test
    void theSameParameterizedQueryRunsManyTimesBehindAPoolerThatDiscardsEverything() throws Exception {
        bouncer = PgBouncer.start(postgres, folder, true);
        Database database = pools.database(profile());
        ConnectionCheck check = new ConnectionTester(credentials).test(profile());
        assertThat(check.connected()).as(check.sentence()).isTrue();

        long started = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
            assertThat(count(database, run % 7)).isPositive();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("pgbouncer: " + RUNS + " parameterized queries through the transaction pooler in " + millis + " ms");
        assertThat(bouncer.log()).doesNotContain("prepared statement");
    }

    /** A pooler-only error that the app cannot avoid names the pooler setting that fixes it. */
    @Test
    void aPoolerInStatementModeIsNamedWithTheSettingThatFixesIt() throws Exception {
        bouncer = PgBouncer.start(postgres, folder, "statement", false);
        String expected = "The pooler at 127.0.0.1:" + bouncer.port() + " runs in statement mode, which refuses the read-only transaction every"
                + " query runs in; connect to its transaction-mode port instead, or set pool_mode = transaction in its configuration (PgBouncer).";

        ConnectionCheck check = new ConnectionTester(credentials).test(profile());
        assertThat(check.connected()).isFalse();
        assertThat(check.sentence()).isEqualTo(expected);

        SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC());
        SuiteRun run = runner.run(pools.database(profile()), QuerySetLoader.builtIn(new QueryFileParser()), QuerySuite.QUICK,
                new RunCancellation(), outcome -> { });
        QueryOutcome first = run.outcomes().get(0);
        assertThat(first.status()).isEqualTo(QueryStatus.ERROR);
        assertThat(first.error()).isEqualTo(expected);
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

    private EnvironmentProfile profile() {
        return new EnvironmentProfile("pooled", PasswordPostgres.HOST, bouncer.port(), PasswordPostgres.DATABASE,
                PasswordPostgres.ROLE, SslMode.DISABLE, "", Duration.ofSeconds(5));
    }
}
