package com.rolloutcontrolroom.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueryFileParserTest {

    private final QueryFileParser parser = new QueryFileParser();

    private static String resource(String name) throws IOException {
        try (InputStream in = QueryFileParserTest.class.getResourceAsStream("/queries/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDefaultSetIsTheQuickCheckPlusATenQueryFullSuite() throws IOException {
        List<QueryDefinition> queries = parser.parse("observability-queries.sql", resource("observability-queries.sql"));
        assertThat(queries).filteredOn(q -> q.suite() == QuerySuite.QUICK).extracting(QueryDefinition::name)
                .containsExactly("quick_health_check");
        assertThat(queries).filteredOn(q -> q.suite() == QuerySuite.FULL).hasSize(10);
        assertThat(queries).allSatisfy(q -> assertThat(q.description()).isNotBlank());
    }

    @Test
    void theRunbooksQueriesAreReproducedCharacterForCharacter() throws IOException {
        List<QueryDefinition> queries = parser.parse("observability-queries.sql", resource("observability-queries.sql"));
        // copied from seeds/001 (quick health check) and seeds/001 (shadow check, success rate), without the final ';'
        assertThat(byName(queries, "quick_health_check").sql()).isEqualTo(
                "SELECT event_type, count(*) AS total, ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL) / NULLIF(count(*), 0), 2) AS success_pct FROM observability_events WHERE source = 'assignment.coordinator' AND created_at >= now() - INTERVAL '6 hours' GROUP BY 1");
        assertThat(byName(queries, "coordinator_events_last_hour").sql()).isEqualTo("""
                SELECT source, event_type, count(*)
                FROM observability_events
                WHERE source = 'assignment.coordinator'
                  AND created_at >= now() - INTERVAL '1 hour'
                GROUP BY 1, 2
                ORDER BY 3 DESC""");
        assertThat(byName(queries, "success_rate_by_event_type").sql()).isEqualTo("""
                SELECT
                  event_type,
                  count(*) AS total,
                  ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL) / NULLIF(count(*), 0), 2) AS success_rate_percent
                FROM observability_events
                WHERE source = 'assignment.coordinator'
                  AND created_at >= now() - INTERVAL '1 hour'
                GROUP BY 1
                ORDER BY 1""");
    }

    @Test
    void metricDefinitionsParseWithTheirTimeParameters() throws IOException {
        List<QueryDefinition> metrics = parser.parse("metrics.sql", resource("metrics.sql"));
        assertThat(metrics).extracting(QueryDefinition::name)
                .containsExactly("metric_success_rate", "metric_coordinator_alarms", "metric_legacy_activity", "metric_success_rate_hourly",
                        "metric_manual_review_rate", "metric_manual_review_rate_hourly", "metric_success_rate_phase_hours",
                        "metric_manual_review_rate_phase_hours", "metric_success_rate_minutely", "metric_manual_review_rate_minutely",
                        "metric_event_breakdown");
        assertThat(byName(metrics, "metric_success_rate").jdbc().bindingOrder()).containsExactly("since", "until");
    }

    @Test
    void aParameterUsedButNotDeclaredIsReportedWithFileAndLine() {
        String text = """
                -- a custom file
                -- name: slow_bookings
                -- suite: full
                -- description: bookings slower than a threshold
                SELECT * FROM observability_events WHERE created_at >= now() - CAST(:window AS interval)
                """;
        assertThatThrownBy(() -> parser.parse("custom.sql", text))
                .isInstanceOf(InvalidQueryFileException.class)
                .hasMessage("custom.sql line 2: query 'slow_bookings' uses :window, which is not declared; "
                        + "add '-- param: window interval = 6 hours' (or text, integer, timestamptz).");
    }

    @Test
    void everyProblemOfAFileIsListedAndTheFirstNamed() {
        String text = """
                SELECT 1;
                -- name: first
                -- suite: weekly
                -- description: x
                SELECT 1;
                -- name: first
                -- suite: full
                -- param: window interval = soon
                SELECT 2; SELECT 3
                """;
        InvalidQueryFileException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidQueryFileException.class,
                () -> parser.parse("bad.sql", text));
        assertThat(error.problems()).extracting(QueryFileProblem::describe).containsExactly(
                "bad.sql line 1: SQL before the first '-- name:' line; start each query with '-- name: some_name'.",
                "bad.sql line 3: suite 'weekly' is unknown; use quick or full.",
                "bad.sql line 2: query 'first' has no '-- suite: quick' or '-- suite: full' line.",
                "bad.sql line 8: the default of :window must be an interval such as '6 hours' or '1 day 12 hours'.",
                "bad.sql line 6: query 'first' has no '-- description:' line; say what the query shows.",
                "bad.sql line 6: query 'first' holds more than one statement; give each statement its own '-- name:' entry.");
        assertThat(error.getMessage()).startsWith("bad.sql line 1: SQL before the first").endsWith("(and 5 more)");
    }

    @Test
    void aQueryThatActsOutsideItsTransactionIsRefusedWithTheLineOfTheCall() {
        String text = """
                -- name: sneaky
                -- suite: full
                -- description: looks like a count

                SELECT count(*),
                       "pg_catalog" . SET_CONFIG /* hidden */ ('search_path', 'shadow, public', false)
                FROM observability_events;

                -- name: block
                -- suite: full
                -- description: a DO block
                DO $$ BEGIN PERFORM 1; END $$;
                """;
        InvalidQueryFileException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidQueryFileException.class,
                () -> parser.parse("custom.sql", text));
        assertThat(error.problems()).extracting(QueryFileProblem::describe).containsExactly(
                "custom.sql line 6: query 'sneaky' calls pg_catalog.set_config, which changes the session's settings;"
                        + " queries may only read, so remove the call.",
                "custom.sql line 12: query 'block' is a DO statement, and only SELECT, WITH, VALUES or TABLE may run;"
                        + " write the query as a SELECT.");
    }

    @Test
    void theBuiltInFilesPassTheReadOnlyCheckAndAreMarkedBuiltIn() throws IOException {
        for (String file : List.of("observability-queries.sql", "metrics.sql")) {
            assertThat(parser.parse(file, resource(file), QueryOrigin.BUILT_IN)).allSatisfy(q -> assertThat(q.builtIn()).isTrue());
            assertThat(parser.parse(file, resource(file))).allSatisfy(q -> assertThat(q.origin()).isEqualTo(QueryOrigin.USER));
        }
    }

    @Test
    void duplicateNamesAreRefused() {
        String entry = """
                -- name: same
                -- suite: full
                -- description: d
                SELECT 1;
                """;
        assertThatThrownBy(() -> parser.parse("dup.sql", entry + entry))
                .hasMessage("dup.sql line 5: the name 'same' is used twice; give each query its own name.");
    }

    private static QueryDefinition byName(List<QueryDefinition> queries, String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }
}
