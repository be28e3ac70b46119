package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QueryOrigin;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/**
 * No session state survives a query, on a pool of one connection (so every query would share a
 * session): a poisoned session from elsewhere is reset, what a transaction changed is rolled back,
 * and a connection that ran a user query never serves another.
 */
class SessionIsolationTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private HikariDataSource pool;
    private Database database;
    private final QueryRunner runner = new QueryRunner(Duration.ofSeconds(10), Clock.systemUTC());

    @BeforeEach
    void setUp() throws SQLException {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 19; i++) {
            fixture.coordinator("coordinator.confirmed", null, 5);
        }
        fixture.coordinator("coordinator.confirmed", "timeout", 5);
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS shadow");
            statement.execute("CREATE TABLE IF NOT EXISTS shadow.observability_events (LIKE public.observability_events)");
            statement.execute("TRUNCATE shadow.observability_events");
            statement.execute("INSERT INTO shadow.observability_events (id, source, event_type, context, created_at)"
                    + " SELECT g, 'assignment.coordinator', 'coordinator.confirmed', '{}', now() FROM generate_series(1, 50) g");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        database = new ConnectedDatabase(pool, new DatabaseTarget("test", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private Rate builtInSuccessRate() {
        QueryDefinition metric = QuerySetLoader.builtIn(new QueryFileParser()).byName(MetricKind.SUCCESS_RATE.windowQuery()).orElseThrow();
        Instant now = Instant.now();
        QueryOutcome outcome = runner.runOne(database, metric,
                Map.of("since", now.minus(Duration.ofHours(6)).toString(), "until", now.plusSeconds(60).toString()), new RunCancellation());
        assertThat(outcome.status()).as(outcome.error()).isEqualTo(QueryStatus.OK);
        return MetricRows.rate(outcome).orElseThrow();
    }

    @Test
    void aSessionPoisonedOutsideTheAppIsResetBeforeEachQuery() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = shadow, public"); // as another client of a pooler could leave it
        }
        assertThat(builtInSuccessRate()).isEqualTo(new Rate(19, 20));
    }

    @Test
    void whatATransactionChangedInItsSessionIsRolledBack() throws SQLException {
        // as if a set_config got past every check: the transaction must not keep it
        new ReadOnlyQuery(Duration.ofSeconds(5)).run(pool, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('search_path', 'shadow, public', false)");
            }
            return null;
        });
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet shown = statement.executeQuery("SHOW search_path")) {
            shown.next();
            assertThat(shown.getString(1)).isEqualTo("\"$user\", public");
        }
        assertThat(builtInSuccessRate()).isEqualTo(new Rate(19, 20));
    }

    @Test
    void aConnectionThatRanAUserQueryNeverServesAnotherQuery() {
        QueryDefinition user = pid("user_pid", QueryOrigin.USER);
        QueryDefinition builtIn = pid("built_in_pid", QueryOrigin.BUILT_IN);

        List<QueryOutcome> outcomes = runner.run(database, List.of(builtIn, builtIn, user, builtIn), Map.of(), new RunCancellation(), o -> { });

        List<Object> pids = outcomes.stream().map(o -> o.rows().get(0).get(0)).toList();
        assertThat(pids.get(1)).as("built-in queries share the pooled session").isEqualTo(pids.get(0));
        assertThat(pids.get(2)).as("the user query got that session too").isEqualTo(pids.get(0));
        assertThat(pids.get(3)).as("the query after the user query runs on a new session").isNotEqualTo(pids.get(2));
    }

    @Test
    void aDiscardedConnectionTakesItsSessionLocksWithIt() throws SQLException {
        // a session-level advisory lock is not undone by a rollback: only ending the session releases it
        new ReadOnlyQuery(Duration.ofSeconds(5)).runAndDiscard(pool, Duration.ofSeconds(5), connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(4242)");
            }
            return null;
        });
        // the pool closes an evicted connection on its own thread, and the server ends the backend after that
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long held;
        do {
            held = advisoryLocks(4242);
        } while (held > 0 && System.nanoTime() < deadline && pause());
        assertThat(held).isZero();
    }

    private static long advisoryLocks(int key) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet locks = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = " + key)) {
            locks.next();
            return locks.getLong(1);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static QueryDefinition pid(String name, QueryOrigin origin) {
        return new QueryDefinition(name, QuerySuite.FULL, "the session's backend", "SELECT pg_backend_pid() AS pid", List.of(),
                "test.sql", 1, origin);
    }
}
