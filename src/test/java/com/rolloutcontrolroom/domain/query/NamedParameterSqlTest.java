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
    }
}
