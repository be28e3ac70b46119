package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.InvalidQueryFileException;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QueryFileProblem;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.testsupport.AttackedDatabase;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

/**
 * Each bypass the hostile test of issue 8 found, run as a role that holds write rights, through the
 * app's own paths: refused when its file loads, and refused or harmless at run time when the query
 * reaches the runner anyway (built directly, as a future loader bug would). Afterwards the row count,
 * the large objects, the file system and the other session show that nothing changed.
 */
@ExtendWith(PasswordPostgresExtension.class)
class ReadOnlyAttacksTest {

    private static AttackedDatabase attacked;

    @TempDir
    Path home;

    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final ConnectionPools pools = new ConnectionPools(credentials);
    private final QueryRunner runner = new QueryRunner(Duration.ofSeconds(10), Clock.systemUTC());
    private Connection otherSession;

    @BeforeAll
    static void plant(PasswordPostgres server) throws SQLException {
        attacked = AttackedDatabase.plant(server);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(attacked.touchedFile());
    }

    @BeforeEach
    void openOtherSession() throws SQLException {
        credentials.store(CredentialKey.forEnvironment("attacked"), attacked.password());
        otherSession = attacked.attackerDataSource().getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        pools.close();
        otherSession.close();
    }

    /** The attacks of the issue, by name, each as a user would write it in a query file. */
    private static Map<String, String> attacks() {
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("dblink_insert", "SELECT dblink_exec('" + attacked.connectionString().replace("'", "''") + "',\n"
                + "  'INSERT INTO observability_events (source, event_type) VALUES (''attack'', ''dblink'')')");
        attacks.put("large_object", "SELECT lo_from_bytea(0, '\\x0102'::bytea)");
        attacks.put("security_definer", "SELECT record_and_run()");
        attacks.put("security_definer_in_do", "DO $$ BEGIN PERFORM record_and_run(); END $$");
        attacks.put("terminate_other", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity\n"
                + "WHERE usename = current_user AND pid <> pg_backend_pid()");
        attacks.put("poison_search_path", "SELECT set_config('search_path', 'shadow, public', false)");
        return attacks;
    }

    private static String file(String name, String sql) {
        return "-- name: " + name + "\n-- suite: full\n-- description: an attack from issue 8\n" + sql + ";\n";
    }

    @Test
    void everyAttackIsRefusedWhenItsFileIsAddedOrLoaded() throws Exception {
        Path folder = home.resolve("queries");
        QuerySetLoader loader = new QuerySetLoader(new QueryFileParser(), folder);
        QuerySet builtIn = loader.load().querySet();
        Map<String, String> expected = Map.of(
                "dblink_insert", "line 4: query 'dblink_insert' calls dblink_exec, which opens its own connection, outside the read-only transaction",
                "large_object", "line 4: query 'large_object' calls lo_from_bytea, which reads or writes large objects",
                "security_definer", "line 4: query 'security_definer' calls record_and_run, which is not one of PostgreSQL's built-in functions",
                "security_definer_in_do", "line 4: query 'security_definer_in_do' is a DO statement, and only SELECT, WITH, VALUES or TABLE may run",
                "terminate_other", "line 4: query 'terminate_other' calls pg_terminate_backend, which acts on the server or on other sessions",
                "poison_search_path", "line 4: query 'poison_search_path' calls set_config, which changes the session's settings");
        for (Map.Entry<String, String> attack : attacks().entrySet()) {
            Path offered = Files.writeString(home.resolve(attack.getKey() + ".sql"), file(attack.getKey(), attack.getValue()));
            assertThatThrownBy(() -> loader.addUserFile(builtIn, offered)).as(attack.getKey())
                    .isInstanceOf(InvalidQueryFileException.class)
                    .hasMessageStartingWith(attack.getKey() + ".sql " + expected.get(attack.getKey()));
            assertThat(folder.resolve(attack.getKey() + ".sql")).as("not kept").doesNotExist();
        }
        // a file that got into the folder some other way is left out at every load, with the same reason
        Files.createDirectories(folder);
        attacks().forEach((name, sql) -> write(folder.resolve(name + ".sql"), file(name, sql)));
        QuerySetLoader.Loaded loaded = loader.load();
        assertThat(loaded.problems()).extracting(QueryFileProblem::describe)
                .allSatisfy(problem -> assertThat(expected.values()).anySatisfy(reason -> assertThat(problem).contains(reason)))
                .hasSize(attacks().size());
        assertThat(loaded.querySet().queries()).extracting(QueryDefinition::name).doesNotContainAnyElementsOf(attacks().keySet());
    }

    @Test
    void everyAttackThatReachesTheRunnerIsRefusedAndChangesNothing() throws Exception {
        long rowsBefore = attacked.count("SELECT count(*) FROM public.observability_events");
        long largeObjectsBefore = attacked.count("SELECT count(*) FROM pg_largeobject_metadata");
        Database database = pools.database(attacked.profile("attacked"));

        List<QueryDefinition> direct = new ArrayList<>();
        attacks().forEach((name, sql) -> direct.add(new QueryDefinition(name, QuerySuite.FULL, "built directly", sql, List.of(), "custom.sql", 1)));
        // names the load check cannot judge without the database: the catalog check in the query's own transaction must
        direct.add(new QueryDefinition("field_form_call", QuerySuite.FULL, "calls touch_row(e) written as e.touch_row",
                "SELECT e.touch_row FROM observability_events e LIMIT 1", List.of(), "custom.sql", 1));
        direct.add(new QueryDefinition("shadowed_builtin", QuerySuite.FULL, "lower(e) resolves to public.lower",
                "SELECT lower(e) FROM observability_events e LIMIT 1", List.of(), "custom.sql", 1));
        List<QueryOutcome> outcomes = runner.run(database, direct, Map.of(), new RunCancellation(), outcome -> { });

        assertThat(outcomes).extracting(QueryOutcome::status).containsOnly(QueryStatus.ERROR);
        assertThat(outcomes).extracting(QueryOutcome::error).containsExactly(
                "Refused: the query calls dblink_exec, which opens its own connection, outside the read-only transaction;"
                        + " queries may only read, so remove the call.",
                "Refused: the query calls lo_from_bytea, which reads or writes large objects, which live outside the queried tables;"
                        + " queries may only read, so remove the call.",
                "Refused: the query calls record_and_run, which is not one of PostgreSQL's built-in functions;"
                        + " a query may call only those, whose effects are known.",
                "Refused: the query is a DO statement, and only SELECT, WITH, VALUES or TABLE may run; write the query as a SELECT.",
                "Refused: the query calls pg_terminate_backend, which acts on the server or on other sessions;"
                        + " queries may only read, so remove the call.",
                "Refused: the query calls set_config, which changes the session's settings; queries may only read, so remove the call.",
                "Refused: the query calls public.touch_row, a SECURITY DEFINER function that runs with its owner's rights"
                        + " outside the read-only guarantee; call only PostgreSQL's built-in functions.",
                "Refused: the query calls public.lower, a SECURITY DEFINER function that runs with its owner's rights"
                        + " outside the read-only guarantee; call only PostgreSQL's built-in functions.");

        assertThat(attacked.count("SELECT count(*) FROM public.observability_events")).as("rows").isEqualTo(rowsBefore);
        assertThat(attacked.count("SELECT count(*) FROM pg_largeobject_metadata")).as("large objects").isEqualTo(largeObjectsBefore);
        assertThat(attacked.touchedFile()).as("COPY TO PROGRAM never ran").doesNotExist();
        try (Statement statement = otherSession.createStatement(); ResultSet alive = statement.executeQuery("SELECT 1")) {
            assertThat(alive.next()).as("the other session is alive").isTrue();
        }
    }

    @Test
    void aUserQueryCannotMoveTheBuiltInMetricsOntoAPlantedTable() throws Exception {
        Database database = pools.database(attacked.profile("attacked"));
        QueryDefinition poison = new QueryDefinition("poison", QuerySuite.FULL, "built directly",
                "SELECT set_config('search_path', 'shadow, public', false)", List.of(), "custom.sql", 1);
        QuerySet set = QuerySetLoader.builtIn(new QueryFileParser());
        QuerySet withPoison = new QuerySet(concat(List.of(poison), set.queries()));

        SuiteRun run = new SuiteRunner(runner, Clock.systemUTC()).run(database, withPoison, QuerySuite.FULL, new RunCancellation(), o -> { });

        // what psql over the same window reads from the real table
        Rate truth = new Rate(
                attacked.count("SELECT count(*) FILTER (WHERE context->>'reason' IS NULL) FROM public.observability_events"
                        + " WHERE source = 'assignment.coordinator'"),
                attacked.count("SELECT count(*) FROM public.observability_events WHERE source = 'assignment.coordinator'"));
        assertThat(truth.percent()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("94.99"));
        assertThat(run.metrics().get(MetricKind.SUCCESS_RATE)).isEqualTo(truth);
        assertThat(RunVerdicts.of(MetricKind.SUCCESS_RATE, run.metrics().get(MetricKind.SUCCESS_RATE)).verdict())
                .isEqualTo(RunVerdicts.of(MetricKind.SUCCESS_RATE, truth).verdict())
                .hasToString("WARN");
        assertThat(run.outcomes().get(0).error()).startsWith("Refused: the query calls set_config");
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
