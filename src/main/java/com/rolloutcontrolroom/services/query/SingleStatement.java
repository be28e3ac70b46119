package com.rolloutcontrolroom.services.query;

import java.sql.SQLException;

import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Counts statements the way the PostgreSQL driver will split them before sending. A second statement
 * could end the read-only transaction ({@code COMMIT}) and write; the query file's own check catches
 * the usual cases, and this one agrees with the driver by construction.
 */
final class SingleStatement {

    private SingleStatement() {
    }

    static boolean holdsMoreThanOne(String jdbcSql) {
        try {
            return Parser.parseJdbcSql(jdbcSql, true, true, true, false, false).stream()
                    .map((NativeQuery query) -> query.nativeSql)
                    .filter(text -> !text.isBlank())
                    .count() > 1;
        } catch (SQLException unparseable) {
            return true; // what the driver cannot read is never sent
        }
    }
}
