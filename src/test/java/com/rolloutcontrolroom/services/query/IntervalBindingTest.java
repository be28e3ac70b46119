package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;

/** A window reaches PostgreSQL as an exact number of hours, never as calendar days. */
class IntervalBindingTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @Test
    void daysAreSentAsHoursSoTheServerDoesNoCalendarArithmeticPerRow() {
        List<QueryDefinition> queries = new QueryFileParser().parse("window.sql", """
                -- name: window
                -- suite: full
                -- description: the window as the server sees it
                -- param: window interval = 7 days
                SELECT CAST(:window AS interval)::text AS window_text,
                       extract(epoch FROM CAST(:window AS interval)) AS seconds;
                """);
        var database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("test", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        QueryRunner runner = new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC());

        QueryOutcome week = runner.runOne(database, queries.get(0), Map.of(), new RunCancellation());
        QueryOutcome ninety = runner.runOne(database, queries.get(0), Map.of("window", "90 minutes"), new RunCancellation());

        assertThat(week.rows().get(0).get(0)).isEqualTo("168:00:00");
        assertThat(((Number) week.rows().get(0).get(1)).longValue()).isEqualTo(7 * 24 * 3600);
        assertThat(ninety.rows().get(0).get(0)).isEqualTo("01:30:00");
    }
}
