package com.rolloutcontrolroom.services.demo;

import com.rolloutcontrolroom.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LiveTrafficWriterTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    static final Instant SEED = Instant.parse("2026-11-20T10:17:42Z");

    @Test
    void eachSliceWritesTheStoryUpToNowOnce() throws Exception {
        MutableClock clock = new MutableClock(SEED);
        DemoSeeder seeder = new DemoSeeder(postgres.dataSource(), clock);
        seeder.seed(DemoOptions.defaults());
        CoordinatorSql sql = new CoordinatorSql(postgres.dataSource());
        long before = sql.count("true");
        try (LiveTrafficWriter writer = new LiveTrafficWriter(postgres.dataSource(),
                seeder.appenderFor(seeder.readMeta().orElseThrow()), clock, Duration.ofHours(1))) {
            clock.advance(Duration.ofMinutes(10));
            long written = writer.writeOnce();
            assertThat(written).isPositive();
            assertThat(sql.count("created_at >= ?", SEED)).isEqualTo(written);
            assertThat(writer.writeOnce()).isZero();

            clock.advance(Duration.ofSeconds(2));
            writer.writeOnce();
            assertThat(sql.count("created_at >= ?", SEED.plus(Duration.ofMinutes(10).plusSeconds(2)))).isZero();
            assertThat(seeder.readMeta().orElseThrow().generatedUntil()).isEqualTo(clock.instant());
        }
        assertThat(sql.count("true")).isGreaterThan(before);
        assertThat(sql.count("event_type = 'coordinator.start' AND created_at >= ?", SEED)).isBetween(5L, 8L);
    }
}
