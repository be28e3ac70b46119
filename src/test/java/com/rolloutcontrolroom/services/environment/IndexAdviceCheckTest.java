package com.rolloutcontrolroom.services.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.query.IndexAdvice;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;

/** The advice read from a real catalog: without the index, with it, and with the INVALID one a failed concurrent build leaves. */
class IndexAdviceCheckTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final List<QueryDefinition> FULL_SUITE = SuiteRunner.queriesOf(QuerySetLoader.builtIn(new QueryFileParser()), QuerySuite.FULL);
    private static final String CREATE_INDEX =
            "CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at);";

    private final IndexAdviceCheck check = new IndexAdviceCheck();
    private Database database;

    @BeforeEach
    void demoShapedTable() throws SQLException {
        database = new ConnectedDatabase(postgres.dataSource(), new DatabaseTarget("staging", "localhost", postgres.port(),
                postgres.databaseName(), "postgres"));
        execute("DROP SCHEMA IF EXISTS analytics CASCADE", "DROP TABLE IF EXISTS observability_events",
                "CREATE TABLE observability_events (id bigserial PRIMARY KEY, source text NOT NULL, event_type text NOT NULL,"
                        + " context jsonb, created_at timestamptz NOT NULL DEFAULT now())",
                "CREATE INDEX observability_events_source_created_at_idx ON observability_events (source, created_at)",
                // two events at the same instant: a unique index on created_at cannot be built
                "INSERT INTO observability_events (source, event_type, created_at) VALUES ('auto_assign', 'auto_assign.attempt', "
                        + "'2026-12-01T10:00:00Z'), ('assignment.coordinator', 'coordinator.start', '2026-12-01T10:00:00Z')");
    }

    @Test
    void theDemoSchemaGetsTheAdviceAndTheCheckCreatesNothing() throws Exception {
        List<String> indexesBefore = indexes();

        IndexAdvice advice = check.check(database, FULL_SUITE, Duration.ofSeconds(30)).orElseThrow();

        assertThat(advice.statement()).isEqualTo(CREATE_INDEX);
        assertThat(advice.queries()).containsExactly("legacy_auto_assign_activity", "baseline_top_events", "metric_legacy_activity");
        assertThat(indexes()).as("the product never creates the index").isEqualTo(indexesBefore)
                .containsExactly("observability_events_pkey", "observability_events_source_created_at_idx");
    }

    @Test
    void theIndexTheAdviceProposesSilencesIt() throws Exception {
        execute(CREATE_INDEX);
        assertThat(check.check(database, FULL_SUITE, Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void anInvalidIndexLeftByAFailedConcurrentBuildDoesNotCountAndIsDroppedFirst() throws Exception {
        assertThatThrownBy(() -> execute("CREATE UNIQUE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events"
                + " (created_at)")).isInstanceOf(SQLException.class).hasMessageContaining("could not create unique index");
        assertThat(single("SELECT indisvalid || ' ' || indisready FROM pg_index"
                + " WHERE indexrelid = 'observability_events_created_at_idx'::regclass"))
                .as("the failed build left the index behind, INVALID and not ready").isEqualTo("false false");

        IndexAdvice advice = check.check(database, FULL_SUITE, Duration.ofSeconds(30)).orElseThrow();

        assertThat(advice.invalidIndexes()).containsExactly("observability_events_created_at_idx");
        assertThat(advice.statement()).isEqualTo("DROP INDEX CONCURRENTLY observability_events_created_at_idx; " + CREATE_INDEX);
        assertThat(advice.sentence()).contains("observability_events_created_at_idx is INVALID");
    }

    @Test
    void anIndexReadyButNotValidDoesNotCountEither() throws Exception {
        // what a build that fails while validating leaves (a duplicate arriving during the last phase of a unique build):
        // written into the catalog directly, as no statement reaches that state on demand
        execute(CREATE_INDEX, "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'observability_events_created_at_idx'::regclass");
        assertThat(single("SELECT indisvalid || ' ' || indisready FROM pg_index"
                + " WHERE indexrelid = 'observability_events_created_at_idx'::regclass")).isEqualTo("false true");

        IndexAdvice advice = check.check(database, FULL_SUITE, Duration.ofSeconds(30)).orElseThrow();

        assertThat(advice.statement()).isEqualTo("DROP INDEX CONCURRENTLY observability_events_created_at_idx; " + CREATE_INDEX);
    }

    @Test
    void aTableInAnotherSchemaIsFoundThroughTheSearchPathAndQualified() throws Exception {
        execute("DROP TABLE observability_events", "CREATE SCHEMA analytics",
                "CREATE TABLE analytics.observability_events (id bigint, source text, event_type text, created_at timestamptz)",
                "ALTER DATABASE " + postgres.databaseName() + " SET search_path = analytics, public");
        try {
            Optional<IndexAdvice> advice = check.check(database, FULL_SUITE, Duration.ofSeconds(30));
            assertThat(advice.orElseThrow().statement()).isEqualTo(
                    "CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON analytics.observability_events (created_at);");
        } finally {
            execute("ALTER DATABASE " + postgres.databaseName() + " RESET search_path");
        }
    }

    @Test
    void noTableNoAdvice() throws Exception {
        execute("DROP TABLE observability_events");
        assertThat(check.check(database, FULL_SUITE, Duration.ofSeconds(30))).isEmpty();
    }

    private List<String> indexes() throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT indexrelid::regclass::text FROM pg_index"
                     + " WHERE indrelid = 'observability_events'::regclass ORDER BY 1")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
