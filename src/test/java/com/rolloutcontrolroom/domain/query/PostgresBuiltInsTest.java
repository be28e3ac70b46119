package com.rolloutcontrolroom.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;

/** The shipped name lists are exactly what the PostgreSQL the tests run says, so the load check knows every built-in. */
class PostgresBuiltInsTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @Test
    void theFunctionListIsPostgreSqlsOwn() throws SQLException {
        assertThat(PostgresBuiltIns.functions()).isEqualTo(names("SELECT DISTINCT proname FROM pg_proc WHERE oid < 16384"))
                .contains("count", "date_trunc", "jsonb_build_object", "set_config");
    }

    @Test
    void theKeyWordListIsPostgreSqlsOwn() throws SQLException {
        assertThat(PostgresBuiltIns.keyWords()).isEqualTo(names("SELECT word FROM pg_get_keywords()"))
                .contains("filter", "over", "coalesce", "exists");
    }

    private static Set<String> names(String sql) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
