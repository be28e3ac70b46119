package com.rolloutcontrolroom.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedParameterSqlTest {

    @Test
    void replacesPlaceholdersInBindingOrderAndLeavesCastsLiteralsAndCommentsAlone() {
        NamedParameterSql sql = NamedParameterSql.parse(
                "SELECT ':not', \"col:x\", context->>'reason', x::text -- :comment\n"
                        + "FROM t WHERE a >= :since AND a < :until AND b = :since /* :block */");
        assertThat(sql.jdbcSql()).isEqualTo(
                "SELECT ':not', \"col:x\", context->>'reason', x::text -- :comment\n"
                        + "FROM t WHERE a >= ? AND a < ? AND b = ? /* :block */");
        assertThat(sql.bindingOrder()).containsExactly("since", "until", "since");
        assertThat(sql.names()).containsExactly("since", "until");
        assertThat(sql.hasSeveralStatements()).isFalse();
    }

    @Test
    void aSemicolonInsideALiteralIsNotASecondStatement() {
        assertThat(NamedParameterSql.parse("SELECT 'a;b'").hasSeveralStatements()).isFalse();
        assertThat(NamedParameterSql.parse("SELECT 1; ").hasSeveralStatements()).isFalse();
        assertThat(NamedParameterSql.parse("SELECT 1; DELETE FROM t").hasSeveralStatements()).isTrue();
        assertThat(NamedParameterSql.parse("SELECT 1; -- done\n /* really */").hasSeveralStatements()).isFalse();
        assertThat(NamedParameterSql.parse("SELECT 1; 'a string' ").hasSeveralStatements()).as("a literal after the ;").isTrue();
    }

    @Test
    void aSecondStatementHiddenBehindQuotesTheScannerCouldMisreadIsFound() {
        // each payload closes a quote the way PostgreSQL reads it and then commits and writes
        assertThat(NamedParameterSql.parse("SELECT $$'$$ AS a; COMMIT; INSERT INTO t VALUES (1); SELECT $$'$$ AS b")
                .hasSeveralStatements()).as("dollar quotes").isTrue();
        assertThat(NamedParameterSql.parse("SELECT $q$'$q$ AS a; COMMIT; INSERT INTO t VALUES (1); SELECT $q$'$q$")
                .hasSeveralStatements()).as("tagged dollar quotes").isTrue();
        assertThat(NamedParameterSql.parse("SELECT E'\\'' AS a; COMMIT; INSERT INTO t VALUES (1); SELECT '")
                .hasSeveralStatements()).as("E'' strings with a backslash escape").isTrue();
        assertThat(NamedParameterSql.parse("SELECT 1 /* /* */ ; */; COMMIT; INSERT INTO t VALUES (1)")
                .hasSeveralStatements()).as("nested comments").isTrue();
    }

    @Test
    void dollarQuotesAndEscapeStringsAreLiteralsToo() {
        NamedParameterSql sql = NamedParameterSql.parse(
                "SELECT $$a;:x$$, $t$b';$t$, E'it\\'s; :y', type'x', a$b, $1 FROM t WHERE c = :z");
        assertThat(sql.bindingOrder()).containsExactly("z");
        assertThat(sql.hasSeveralStatements()).isFalse();
    }
}
