package com.rolloutcontrolroom.services.demo;

import com.rolloutcontrolroom.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoSeederTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    static final Instant SEED = Instant.parse("2026-11-20T10:17:42Z");

    @Test
    void secondSeedOfTheSameStoryAddsOnlyTheGap() throws Exception {
        MutableClock clock = new MutableClock(SEED);
        DemoSeeder seeder = new DemoSeeder(postgres.dataSource(), clock);
        CoordinatorSql sql = new CoordinatorSql(postgres.dataSource());
        assertThat(seeder.seed(DemoOptions.defaults().withReset(true)).outcome()).isEqualTo(SeedResult.Outcome.SEEDED);
        long seeded = sql.count("true");

        SeedResult again = seeder.seed(DemoOptions.defaults());
        assertThat(again.outcome()).isEqualTo(SeedResult.Outcome.BACKFILLED);
        assertThat(sql.count("true")).isEqualTo(seeded);

        clock.advance(Duration.ofMinutes(90));
        SeedResult later = seeder.seed(DemoOptions.defaults());
        assertThat(later.outcome()).isEqualTo(SeedResult.Outcome.BACKFILLED);
        long gap = sql.count("created_at >= ? AND created_at < ?", SEED, SEED.plus(Duration.ofMinutes(90)));
        assertThat(gap).isPositive().isEqualTo(later.eventsWritten());
        assertThat(sql.count("true")).isEqualTo(seeded + gap);
        assertThat(sql.count("created_at < ?", SEED)).isEqualTo(seeded);
        assertThat(duplicateRows()).isZero();
        assertThat(later.story().seededAt()).isEqualTo(SEED);
    }

    @Test
    void backfillAfterAMonthKeepsOnlyTheLastWeek() throws Exception {
        MutableClock clock = new MutableClock(SEED);
        DemoSeeder seeder = new DemoSeeder(postgres.dataSource(), clock);
        CoordinatorSql sql = new CoordinatorSql(postgres.dataSource());
        seeder.seed(DemoOptions.defaults().withReset(true));

        clock.advance(Duration.ofDays(30));
        seeder.seed(DemoOptions.defaults());
        Instant now = clock.instant();
        assertThat(sql.count("created_at >= ? AND created_at < ?", SEED, now.minus(Duration.ofDays(7)))).isZero();
        assertThat(sql.count("created_at >= ? AND created_at < ?", now.minus(Duration.ofHours(6)), now)).isPositive();
        assertThat(sql.rates(now.minus(Duration.ofHours(6)), now).success()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void anotherScenarioOrResetReseedsFromScratch() throws Exception {
        MutableClock clock = new MutableClock(SEED);
        DemoSeeder seeder = new DemoSeeder(postgres.dataSource(), clock);
        CoordinatorSql sql = new CoordinatorSql(postgres.dataSource());
        seeder.seed(DemoOptions.defaults().withReset(true));

        clock.advance(Duration.ofHours(2));
        SeedResult degraded = seeder.seed(DemoOptions.defaults().withScenario(DemoScenario.DEGRADED));
        assertThat(degraded.outcome()).isEqualTo(SeedResult.Outcome.SEEDED);
        assertThat(degraded.story().seededAt()).isEqualTo(SEED.plus(Duration.ofHours(2)));
        assertThat(sql.count("true")).isEqualTo(degraded.eventsWritten());
        assertThat(sql.count("event_type = 'coordinator.circuit_open'")).isPositive();

        SeedResult reset = seeder.seed(DemoOptions.defaults().withScenario(DemoScenario.DEGRADED).withReset(true));
        assertThat(reset.outcome()).isEqualTo(SeedResult.Outcome.SEEDED);
        assertThat(sql.count("true")).isEqualTo(reset.eventsWritten());
        assertThat(sql.count("id = 1")).isEqualTo(1);
        assertThat(duplicateRows()).isZero();
    }

    private static long duplicateRows() throws Exception {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("""
                     SELECT count(*) FROM (SELECT 1 FROM observability_events
                      GROUP BY source, event_type, context, created_at HAVING count(*) > 1) d""")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void rememberedOptionsKeepTheStoredScenarioAndVolume() throws Exception {
        DemoSeeder seeder = new DemoSeeder(postgres.dataSource(), Clock.systemUTC());
        seeder.seed(new DemoOptions(DemoScenario.DEGRADED, 25, true));
        SeedResult later = seeder.seed(DemoOptions.remembered());
        assertThat(later.outcome()).isEqualTo(SeedResult.Outcome.BACKFILLED);
        assertThat(later.scenario()).isEqualTo(DemoScenario.DEGRADED);
        assertThat(later.bookingsPerHour()).isEqualTo(25);
        SeedResult reset = seeder.seed(DemoOptions.remembered().withReset(true));
        assertThat(reset.outcome()).isEqualTo(SeedResult.Outcome.SEEDED);
        assertThat(reset.scenario()).as("a reset keeps the chosen story").isEqualTo(DemoScenario.DEGRADED);
        assertThat(seeder.seed(DemoOptions.defaults()).scenario()).as("changed only when asked").isEqualTo(DemoScenario.HEALTHY);
    }
}
