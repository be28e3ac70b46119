package com.rolloutcontrolroom.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AsOfSqlTest {

    private static final String T = "CAST(:_as_of AS timestamptz)";
    private static final String BOUNDED = "WITH observability_events AS NOT MATERIALIZED (SELECT * FROM observability_events WHERE created_at < "
            + T + ") ";

    private static String rewritten(String sql) {
        AsOfSql result = AsOfSql.of(sql);
        assertThat(result).as(sql).isInstanceOf(AsOfSql.Rewritten.class);
        return ((AsOfSql.Rewritten) result).sql();
    }

    private static String realTimeReason(String sql) {
        AsOfSql result = AsOfSql.of(sql);
        assertThat(result).as(sql).isInstanceOf(AsOfSql.RealTime.class);
        return ((AsOfSql.RealTime) result).reason();
    }

    @Test
    void theRunbooksQuickHealthCheckSeesTheEventsBeforeTheInstantAndCountsBackFromIt() {
        String runbook = "SELECT event_type, count(*) AS total, ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL)"
                + " / NULLIF(count(*), 0), 2) AS success_pct FROM observability_events WHERE source = 'assignment.coordinator'"
                + " AND created_at >= now() - INTERVAL '6 hours' GROUP BY 1";
        assertThat(rewritten(runbook)).isEqualTo(BOUNDED
                + "SELECT event_type, count(*) AS total, ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL)"
                + " / NULLIF(count(*), 0), 2) AS success_pct FROM observability_events WHERE source = 'assignment.coordinator'"
                + " AND created_at >= " + T + " - INTERVAL '6 hours' GROUP BY 1");
    }

    @Test
    void everySpellingOfTheTransactionsClockBecomesTheInstant() {
        assertThat(rewritten("SELECT now(), NOW ( ), current_timestamp, CURRENT_TIMESTAMP(3), transaction_timestamp(),"
                + " pg_catalog.now(), \"now\"()"))
                .isEqualTo("SELECT " + T + ", " + T + ", " + T + ", CAST(:_as_of AS timestamptz(3)), " + T + ", " + T + ", " + T);
    }

    @Test
    void literalsQuotedIdentifiersCommentsCastsAndJsonOperatorsAreLeftAlone() {
        String sql = "-- counts since now()\nSELECT 'now()' AS label, \"now\" AS col, $$ now() $$, x::text, context->>'reason',"
                + " e.current_timestamp, 1 AS current_timestamp /* now() */ FROM (SELECT 1) e WHERE a > now() - CAST(:window AS interval)";
        assertThat(rewritten(sql)).isEqualTo("-- counts since now()\nSELECT 'now()' AS label, \"now\" AS col, $$ now() $$, x::text,"
                + " context->>'reason', e.current_timestamp, 1 AS current_timestamp /* now() */ FROM (SELECT 1) e WHERE a > " + T
                + " - CAST(:window AS interval)");
    }

    @Test
    void theBoundGoesAfterLeadingCommentsAndOnlyWhereTheEventsTableIsRead() {
        assertThat(rewritten("-- mine\n/* lead */ SELECT count(*) FROM observability_events"))
                .isEqualTo("-- mine\n/* lead */ " + BOUNDED + "SELECT count(*) FROM observability_events");
        assertThat(rewritten("SELECT now()")).as("no events table: no CTE, which would need the table to exist")
                .isEqualTo("SELECT " + T);
        assertThat(rewritten("SELECT observability_events.id FROM \"observability_events\""))
                .isEqualTo(BOUNDED + "SELECT observability_events.id FROM \"observability_events\"");
    }

    @Test
    void aUsersOwnWithListGetsTheBoundAsItsFirstEntry() {
        String sql = "WITH recent AS (SELECT * FROM observability_events WHERE created_at >= now() - INTERVAL '1 hour')\n"
                + "SELECT count(*) FROM recent";
        assertThat(rewritten(sql)).isEqualTo("WITH observability_events AS NOT MATERIALIZED (SELECT * FROM observability_events"
                + " WHERE created_at < " + T + "), recent AS (SELECT * FROM observability_events WHERE created_at >= " + T
                + " - INTERVAL '1 hour')\nSELECT count(*) FROM recent");
        assertThat(rewritten("/* c */ with a(n) AS MATERIALIZED (SELECT 1), b AS (SELECT * FROM observability_events) SELECT * FROM b"))
                .startsWith("/* c */ with observability_events AS NOT MATERIALIZED (")
                .endsWith("), a(n) AS MATERIALIZED (SELECT 1), b AS (SELECT * FROM observability_events) SELECT * FROM b");
    }

    @Test
    void theRewrittenSqlPassesTheReadOnlyCheckAndBindsOnlyTheInstant() {
        String rewritten = rewritten("WITH w AS (SELECT * FROM observability_events) SELECT count(*) FROM w"
                + " WHERE created_at >= now() - CAST(:window AS interval)");
        assertThat(ReadOnlySqlCheck.refusals(rewritten)).isEmpty();
        NamedParameterSql jdbc = NamedParameterSql.parse(rewritten);
        assertThat(jdbc.bindingOrder()).containsExactly(AsOfSql.PARAMETER, AsOfSql.PARAMETER, "window");
        assertThat(jdbc.hasSeveralStatements()).isFalse();
    }

    @Test
    void theInstantsParameterIsOneNoQueryFileCanDeclare() {
        String file = "-- name: q\n-- suite: full\n-- description: d\n-- param: " + AsOfSql.PARAMETER + " timestamptz = now\n"
                + "SELECT :" + AsOfSql.PARAMETER + "\n";
        assertThat(new QueryFileParserProbe().problems(file)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT clock_timestamp()                                  | calls clock_timestamp()",
            "SELECT pg_catalog.statement_timestamp()                   | calls statement_timestamp()",
            "SELECT timeofday()                                        | calls timeofday()",
            "SELECT * FROM observability_events WHERE created_at::date = CURRENT_DATE | uses CURRENT_DATE",
            "SELECT current_time                                       | uses CURRENT_TIME",
            "SELECT LOCALTIME(2)                                       | uses LOCALTIME",
            "SELECT localtimestamp                                     | uses LOCALTIMESTAMP",
            "SELECT age(created_at) FROM observability_events          | calls age() with one argument",
            "SELECT * FROM observability_events WHERE created_at > 'now' | writes the time as the literal 'now'",
            "SELECT * FROM observability_events WHERE created_at > timestamptz 'Today' | writes the time as the literal 'Today'",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r, observability_events | is WITH RECURSIVE",
            "SELECT count(*) FROM public.observability_events          | names the events table with its schema (public.observability_events)",
            "WITH observability_events AS (SELECT 1) SELECT * FROM observability_events | defines its own observability_events",
    })
    void aQueryThatCannotBeTakenAsOfTheInstantRunsAtTheRealTimeAndSaysWhy(String sql, String because) {
        String reason = realTimeReason(sql.strip());
        assertThat(reason).startsWith("Measured at the real time, not as of the window's end: it ").contains(because).endsWith(".");
        assertThat(reason).as("one sentence").doesNotContain(". ");
    }

    @Test
    void theOtherClocksAreNamesOnlyWhenTheyAreTheFunctionOrKeyWord() {
        assertThat(rewritten("SELECT e.clock_timestamp, 'clock_timestamp()', \"current_date\" FROM (SELECT 1) e"))
                .isEqualTo("SELECT e.clock_timestamp, 'clock_timestamp()', \"current_date\" FROM (SELECT 1) e");
        assertThat(rewritten("SELECT age(now(), created_at) FROM (SELECT 1) e")).isEqualTo("SELECT age(" + T + ", created_at) FROM (SELECT 1) e");
        assertThat(rewritten("SELECT 1 FROM observability_events WHERE context->>'reason' = 'nowhere'")).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT count(*) FROM bookings WHERE created_at > now() - INTERVAL '1 hour' | bookings",
            "SELECT * FROM observability_events e JOIN bookings b ON b.id = e.id         | bookings",
            "SELECT * FROM observability_events e, pg_catalog.pg_stat_activity a       | pg_catalog.pg_stat_activity",
            "SELECT (SELECT count(*) FROM \"Bookings\") FROM observability_events       | \"Bookings\"",
            "SELECT * FROM observability_events WHERE id IN (SELECT id FROM ONLY audit) | audit",
    })
    void aQueryThatReadsAnotherTableRunsAtTheRealTimeForItsRowsAfterTheInstantWouldCount(String sql, String table) {
        assertThat(realTimeReason(sql.strip())).isEqualTo("Measured at the real time, not as of the window's end: it reads "
                + table + ", which the app cannot cut at the window's end as it cuts observability_events.");
    }

    @Test
    void fromInsideFunctionsFunctionsInFromSubqueriesAndWithQueriesAreNotOtherTables() {
        assertThat(AsOfSql.of("SELECT extract(hour FROM created_at), substring(source FROM 1 FOR 3), trim(BOTH 'x' FROM source)"
                + " FROM observability_events AS e, observability_events f WHERE e.source IS DISTINCT FROM f.source"))
                .isInstanceOf(AsOfSql.Rewritten.class);
        assertThat(AsOfSql.of("WITH w AS (SELECT * FROM observability_events), v(n) AS NOT MATERIALIZED (SELECT 1)"
                + " SELECT * FROM w, v, generate_series(1, 3) AS g(n) CROSS JOIN LATERAL jsonb_each(w.context) j"
                + " LEFT JOIN (SELECT 1 AS one) s ON true, unnest(ARRAY[1]) WITH ORDINALITY u(x, i)"))
                .isInstanceOf(AsOfSql.Rewritten.class);
        assertThat(AsOfSql.of("SELECT * FROM (SELECT * FROM observability_events) s JOIN observability_events t USING (id)"))
                .isInstanceOf(AsOfSql.Rewritten.class);
    }

    @Test
    void aQueryThatAlreadyUsesTheReservedParameterRunsAtTheRealTime() {
        assertThat(realTimeReason("SELECT :" + AsOfSql.PARAMETER)).contains(":" + AsOfSql.PARAMETER);
    }

    /** The query file parser, asked only whether a file has problems. */
    private static final class QueryFileParserProbe {
        java.util.List<QueryFileProblem> problems(String file) {
            try {
                new QueryFileParser().parse("probe.sql", file);
                return java.util.List.of();
            } catch (InvalidQueryFileException e) {
                return e.problems();
            }
        }
    }
}
