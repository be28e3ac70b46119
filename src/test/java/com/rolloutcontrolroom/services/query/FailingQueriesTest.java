package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/** A broken query is recorded as ERROR with its own sentence; the rest of the run goes on. */
class FailingQueriesTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path folder;

    private Database database;
    private final QueryRunner runner = new QueryRunner(Duration.ofMillis(500), Clock.systemUTC());

    @BeforeEach
    void setUp() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 5);
        DataSource dataSource = postgres.dataSource();
        database = new ConnectedDatabase(dataSource, new DatabaseTarget("test", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
    }

    private List<QueryDefinition> queries(String text) {
        return new QueryFileParser().parse("custom.sql", text);
    }

    @Test
    void syntaxErrorTimeoutAndWriteEachGetTheirOwnErrorAndTheRestCompletes() throws Exception {
        List<QueryDefinition> queries = queries("""
                -- name: typo
                -- suite: full
                -- description: a syntax error
                SELECT count(*) FROM observability_events WHERE;

                -- name: slow
                -- suite: full
                -- description: longer than the statement timeout
                SELECT pg_sleep(5);

                -- name: sneaky_write
                -- suite: full
                -- description: tries to write from a WITH (a plain INSERT is refused when the file loads)
                WITH written AS (INSERT INTO observability_events (source, event_type) VALUES ('x', 'y') RETURNING id)
                SELECT * FROM written;

                -- name: fine
                -- suite: full
                -- description: still runs
                SELECT count(*) AS events FROM observability_events;
                """);
        List<QueryOutcome> outcomes = runner.run(database, queries, Map.of(), new RunCancellation(), o -> { });

        assertThat(outcomes).extracting(QueryOutcome::status)
                .containsExactly(QueryStatus.ERROR, QueryStatus.ERROR, QueryStatus.ERROR, QueryStatus.OK);
        assertThat(outcomes.get(0).error()).startsWith("SQL syntax error: syntax error at end of input");
        assertThat(outcomes.get(1).error()).isEqualTo(
                "Cancelled by the statement timeout of 500 ms (or by the user); narrow the query or raise the timeout.");
        assertThat(outcomes.get(1).took()).isLessThan(Duration.ofSeconds(4));
        assertThat(outcomes.get(2).error()).isEqualTo("Refused: the query tried to write, and queries run read-only.");
        assertThat(outcomes.get(3).rows()).containsExactly(List.of(1L));
    }

    @Test
    void aSecondStatementIsNeverSentEvenWhenTheFileCheckWasBypassed() throws Exception {
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS smuggled (who text)");
            statement.execute("TRUNCATE smuggled");
        }
        // built directly, as a future loader bug would: the driver would split this into four statements
        QueryDefinition smuggling = new QueryDefinition("smuggling", QuerySuite.FULL, "commits and writes",
                "SELECT $$'$$ AS a; COMMIT; INSERT INTO smuggled VALUES (current_user); SELECT $$'$$ AS b", List.of(), "custom.sql", 1);
        List<QueryOutcome> outcomes = runner.run(database, List.of(smuggling), Map.of(), new RunCancellation(), o -> { });

        assertThat(outcomes.get(0).status()).isEqualTo(QueryStatus.ERROR);
        assertThat(outcomes.get(0).error()).isEqualTo(
                "Refused: the query holds more than one statement; give each statement its own '-- name:' entry.");
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM smuggled")) {
            rows.next();
            assertThat(rows.getLong(1)).as("rows written").isZero();
        }
    }

    @Test
    void cancellingStopsTheQueryInFlightOnTheServerAndSkipsTheRest() throws Exception {
        QueryRunner patient = new QueryRunner(Duration.ofSeconds(60), Clock.systemUTC());
        List<QueryDefinition> queries = queries("""
                -- name: long
                -- suite: full
                -- description: long
                SELECT pg_sleep(30);

                -- name: after
                -- suite: full
                -- description: never starts
                SELECT 1;
                """);
        RunCancellation cancellation = new RunCancellation();
        long started = System.nanoTime();
        CompletableFuture<List<QueryOutcome>> run = CompletableFuture.supplyAsync(
                () -> patient.run(database, queries, Map.of(), cancellation, o -> { }));
        Thread.sleep(500);
        cancellation.cancel();
        List<QueryOutcome> outcomes = run.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(outcomes).extracting(QueryOutcome::status).containsExactly(QueryStatus.CANCELLED, QueryStatus.CANCELLED);
    }

    @Test
    void aBadParameterValueIsAnErrorNamingTheParameter() {
        List<QueryDefinition> queries = queries("""
                -- name: windowed
                -- suite: full
                -- description: windowed
                -- param: window interval = 6 hours
                SELECT count(*) FROM observability_events WHERE created_at >= now() - CAST(:window AS interval);
                """);
        List<QueryOutcome> outcomes = runner.run(database, queries, Map.of("window", "a fortnight"), new RunCancellation(), o -> { });
        assertThat(outcomes.get(0).status()).isEqualTo(QueryStatus.ERROR);
        assertThat(outcomes.get(0).error()).isEqualTo(
                "Parameter :window of windowed must be an interval such as '6 hours' or '1 day 12 hours'; got 'a fortnight'.");
    }

    @Test
    void aUserFileIsValidatedAndKeptInTheDataFolder() throws Exception {
        QuerySetLoader loader = new QuerySetLoader(new QueryFileParser(), folder.resolve("queries"));
        Path file = folder.resolve("mine.sql");
        Files.writeString(file, """
                -- name: my_check
                -- suite: full
                -- description: mine
                SELECT 1 AS one;
                """);
        var set = loader.load().querySet();
        assertThat(loader.addUserFile(set, file)).extracting(QueryDefinition::name).containsExactly("my_check");
        assertThat(loader.load().querySet().byName("my_check")).isPresent();

        Path clash = folder.resolve("clash.sql");
        Files.writeString(clash, """
                -- name: quick_health_check
                -- suite: quick
                -- description: same name as a built-in
                SELECT 1;
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.addUserFile(loader.load().querySet(), clash))
                .hasMessage("clash.sql line 1: the name 'quick_health_check' is already used by observability-queries.sql; rename the query.");
        assertThat(Files.exists(folder.resolve("queries/clash.sql"))).isFalse();
    }
}
