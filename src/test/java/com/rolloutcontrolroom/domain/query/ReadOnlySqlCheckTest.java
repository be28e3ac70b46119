package com.rolloutcontrolroom.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReadOnlySqlCheckTest {

    private static List<String> refusals(String sql) {
        return ReadOnlySqlCheck.refusals(sql).stream().map(ReadOnlySqlCheck.Refusal::sentence).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT dblink_exec('dbname=x', 'INSERT INTO t VALUES (1)')",
            "SELECT \"dblink_exec\"('dbname=x', 'INSERT INTO t VALUES (1)')",
            "SELECT DbLink_Exec('dbname=x', 'x')",
            "SELECT public.dblink_exec('dbname=x', 'x')",
            "SELECT \"public\".\"dblink_exec\"('dbname=x', 'x')",
            "SELECT public . dblink_exec ('dbname=x', 'x')",
            "SELECT dblink_exec /* a comment */ ('dbname=x', 'x')",
            "SELECT dblink_exec /* nested /* comment */ ( */ ('dbname=x', 'x')",
            "SELECT dblink_exec -- a line comment\n ('dbname=x', 'x')",
            "SELECT * FROM dblink('dbname=x', 'SELECT 1') AS t(a int)",
            "SELECT dblink_connect('c', 'dbname=x')",
    })
    void dblinkIsRefusedWhateverTheSpelling(String sql) {
        assertThat(refusals(sql)).singleElement().asString()
                .matches("calls (public\\.)?dblink\\w*, which opens its own connection, outside the read-only transaction;"
                        + " queries may only read, so remove the call");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT lo_from_bytea(0, '\\x00')", "SELECT lo_import('/etc/passwd')", "SELECT lo_unlink(1)",
            "SELECT lowrite(0, 'x')", "SELECT loread(0, 1)",
            "SELECT pg_terminate_backend(123)", "SELECT PG_CANCEL_BACKEND(123)", "SELECT pg_reload_conf()",
            "SELECT pg_rotate_logfile()", "SELECT pg_switch_wal()", "SELECT pg_create_restore_point('x')", "SELECT pg_promote()",
            "SELECT pg_log_backend_memory_contexts(1)", "SELECT pg_create_logical_replication_slot('s', 'pgoutput')",
            "SELECT pg_drop_replication_slot('s')", "SELECT * FROM pg_logical_slot_get_changes('s', NULL, NULL)",
            "SELECT pg_replication_origin_create('o')", "SELECT pg_stat_reset()", "SELECT pg_stat_reset_shared('wal')",
            "SELECT set_config('search_path', 'shadow, public', false)",
            "SELECT pg_catalog.set_config('search_path', 'shadow, public', false)",
            "SELECT \"pg_catalog\".\"set_config\"('search_path', 'shadow', false)",
            "SELECT pg_advisory_lock(1)", "SELECT pg_try_advisory_lock(1)", "SELECT pg_advisory_xact_lock(1)",
            "SELECT pg_advisory_unlock_all()",
            "SELECT pg_read_file('postgresql.conf')", "SELECT pg_read_binary_file('x')", "SELECT * FROM pg_ls_dir('.')",
            "SELECT * FROM pg_ls_waldir()", "SELECT pg_stat_file('x')", "SELECT pg_file_write('x', 'y', false)",
            "SELECT pg_notify('c', 'x')", "SELECT nextval('s')", "SELECT setval('s', 1)",
            "SELECT query_to_xml('SELECT 1', true, true, '')", "SELECT query_to_xml_and_xmlschema('SELECT 1', true, true, '')",
            "SELECT cursor_to_xml('c', 1, true, true, '')", "SELECT * FROM ts_stat('SELECT 1')",
            "SELECT postgres_fdw_disconnect_all()",
    })
    void functionsActingOutsideTheTransactionAreRefused(String sql) {
        assertThat(refusals(sql)).as(sql).singleElement().asString().startsWith("calls ").endsWith("; queries may only read, so remove the call");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DO $$ BEGIN PERFORM 1; END $$", "do 'BEGIN NULL; END'", "INSERT INTO public.t (a) VALUES (1)", "CALL my_procedure()", "COPY t TO STDOUT",
            "COPY (SELECT 1) TO PROGRAM 'touch /tmp/x'", "SET search_path = shadow", "RESET ALL", "EXPLAIN ANALYZE SELECT 1",
            "INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "DELETE FROM t", "TRUNCATE t", "LISTEN c", "NOTIFY c",
            "DECLARE c CURSOR WITH HOLD FOR SELECT 1", "PREPARE p AS SELECT 1", "LOCK t", "SHOW search_path",
            "/* a comment first */ DO $$ BEGIN END $$", "(COPY t TO STDOUT)",
    })
    void onlyPlainReadStatementsMayRun(String sql) {
        assertThat(refusals(sql)).as(sql).first().asString()
                .startsWith("is a ").endsWith(" statement, and only SELECT, WITH, VALUES or TABLE may run; write the query as a SELECT");
        assertThat(refusals(sql)).as("nothing but the statement (and CALL's procedure)")
                .hasSize(sql.startsWith("CALL") ? 2 : 1);
        assertThat(refusals(sql)).first().asString()
                .startsWith("is a ").endsWith(" statement, and only SELECT, WITH, VALUES or TABLE may run; write the query as a SELECT");
    }

    @Test
    void theStatementIsNamedAsWritten() {
        assertThat(refusals("  copy t to stdout")).containsExactly(
                "is a COPY statement, and only SELECT, WITH, VALUES or TABLE may run; write the query as a SELECT");
        assertThat(ReadOnlySqlCheck.refusals("\n  copy t to stdout").get(0).offset()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1", "  select count(*) FROM observability_events", "WITH x AS (SELECT 1) SELECT * FROM x",
            "VALUES (1), (2)", "TABLE observability_events", "(SELECT 1) UNION (SELECT 2)",
            "SELECT 'dblink_exec(1)', $$ set_config('a','b',false) $$, E'lo_import(\\'x\\')' AS text",
            "SELECT \"set_config\" FROM t", "SELECT t.set_config FROM t", "SELECT 1 -- dblink_exec('x')",
            "SELECT /* pg_terminate_backend(1) */ 1", "SELECT currval('s'), lastval(), count(*) FILTER (WHERE a) FROM t",
            "SELECT mydblink, xdblink_exec FROM t",
            "SELECT n FROM generate_series(1, 3) AS g(n)", "SELECT n FROM generate_series(1, 3) g(n)",
            "SELECT a FROM observability_events e(a, b)", "WITH w(n) AS (SELECT 1), v(m) AS MATERIALIZED (SELECT 2) SELECT * FROM w, v",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
            "SELECT count(*) FILTER (WHERE context->>'reason' IS NULL), row_number() OVER (ORDER BY 1),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY 1), CAST(1 AS numeric(5, 2)), COALESCE(NULLIF(1, 0), 2),"
                    + " EXTRACT(epoch FROM now()), pg_catalog.date_trunc('hour', now()) FROM t WHERE a IN (1) AND EXISTS (SELECT 1)",
    })
    void readsAndNamesInLiteralsOrCommentsPass(String sql) {
        assertThat(refusals(sql)).as(sql).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT record_and_run()", "SELECT \"Record\"(1)", "SELECT public.count(*) FROM t", "SELECT e.x, touch(e) FROM t e",
            "SELECT a, evil(a) AS b FROM t", "WITH w AS (SELECT evil()) SELECT * FROM w", "SELECT * FROM t, evil_rows() r",
    })
    void aFunctionPostgreSqlDoesNotShipIsRefused(String sql) {
        assertThat(refusals(sql)).as(sql).singleElement().asString().startsWith("calls ")
                .endsWith(", which is not one of PostgreSQL's built-in functions; a query may call only those, whose effects are known");
    }

    @Test
    void aUnicodeEscapedIdentifierIsRefusedBecauseItsNameCannotBeRead() {
        assertThat(refusals("SELECT U&\"dblink\\005fexec\"('dbname=x', 'x')")).containsExactly(
                "writes an identifier with Unicode escapes (U&\"dblink\\005fexec\"), which this check cannot read; write the name plainly");
    }

    @Test
    void everyRefusalOfAQueryIsListed() {
        assertThat(refusals("SELECT set_config('a', 'b', false), pg_terminate_backend(1)")).hasSize(2);
    }

    @Test
    void calledNamesIncludeQualifiedQuotedAndFieldForms() {
        assertThat(CalledName.in("SELECT \"Evil\"(1), s.f (2), e.evil, count(*) FROM observability_events e, public.t"))
                .extracting(CalledName::qualified, CalledName::fieldForm)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Evil", false),
                        org.assertj.core.groups.Tuple.tuple("s.f", false),
                        org.assertj.core.groups.Tuple.tuple("evil", true),
                        org.assertj.core.groups.Tuple.tuple("count", false),
                        org.assertj.core.groups.Tuple.tuple("t", true));
    }
}
