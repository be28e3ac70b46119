package com.rolloutcontrolroom.services.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seeds' gate thresholds (>= 97 % success, < 1 % manual review) judged by SQL over the seeded data,
 * for both scenarios. One database, reseeded per scenario.
 */
class ScenarioRatesTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    static final Instant SEED = Instant.parse("2026-11-20T10:17:42Z");
    static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void healthyHoldsTheGateInEverySixHourWindowAndLately() throws Exception {
        CoordinatorSql sql = seed(DemoScenario.HEALTHY);
        Instant fullStart = sql.marker("full_start");

        for (Instant from = fullStart; !from.plus(SIX_HOURS).isAfter(SEED); from = from.plus(Duration.ofMinutes(20))) {
            CoordinatorSql.Rates rates = sql.rates(from, from.plus(SIX_HOURS));
            assertThat(rates.starts()).as("bookings in 6 h from %s", from).isGreaterThan(200);
            assertThat(rates.success()).as("success in 6 h from %s", from).isGreaterThanOrEqualTo(0.97);
            assertThat(rates.manualReview()).as("manual review in 6 h from %s", from).isLessThan(0.01);
        }
        assertHealthy(sql.rates(SEED.minus(SIX_HOURS), SEED), "last 6 h");
        assertHealthy(sql.rates(SEED.minus(Duration.ofHours(1)), SEED), "last hour");
        assertThat(sql.count("event_type IN ('coordinator.circuit_open')")).isZero();
        assertThat(sql.count("event_type IN ('coordinator.retry', 'coordinator.lock_contention')")).isPositive();
    }

    @Test
    void healthyHoldsEvenInOneHourWindowsOnceSettled() throws Exception {
        CoordinatorSql sql = seed(DemoScenario.HEALTHY);
        Instant settled = sql.marker("full_start").plus(Duration.ofHours(14));
        for (Instant from = settled; !from.plus(Duration.ofHours(1)).isAfter(SEED); from = from.plus(Duration.ofMinutes(10))) {
            assertHealthy(sql.rates(from, from.plus(Duration.ofHours(1))), "1 h from " + from);
        }
    }

    @Test
    void degradedWarnsThenFailsWithCircuitTrips() throws Exception {
        CoordinatorSql sql = seed(DemoScenario.DEGRADED);
        Instant degradation = SEED.minus(Duration.ofHours(12));
        Instant critical = SEED.minus(Duration.ofHours(3));

        for (Instant from = sql.marker("full_start"); !from.plus(SIX_HOURS).isAfter(degradation); from = from.plus(Duration.ofHours(1))) {
            assertHealthy(sql.rates(from, from.plus(SIX_HOURS)), "6 h before degradation from " + from);
        }
        for (Instant from = degradation; !from.plus(SIX_HOURS).isAfter(critical); from = from.plus(Duration.ofMinutes(30))) {
            assertThat(sql.rates(from, from.plus(SIX_HOURS)).success()).as("warning band from %s", from)
                    .isGreaterThanOrEqualTo(0.90).isLessThan(0.97);
        }
        assertThat(sql.rates(critical, SEED).success()).as("last 3 h").isLessThan(0.90);
        assertThat(sql.rates(SEED.minus(Duration.ofHours(1)), SEED).success()).as("last hour").isLessThan(0.90);
        assertThat(sql.count("event_type = 'coordinator.circuit_open' AND created_at >= ?", critical)).isGreaterThanOrEqualTo(5);
        assertThat(sql.count("event_type = 'coordinator.circuit_open' AND created_at < ?", critical)).isZero();
        assertThat(sql.count("source = 'assignment.coordinator' AND event_type NOT IN ('coordinator.start', 'coordinator.confirmed')"
                + " AND coalesce(context->>'reason', '') = ''")).isZero();
    }

    private static void assertHealthy(CoordinatorSql.Rates rates, String window) {
        assertThat(rates.starts()).as("bookings in %s", window).isPositive();
        assertThat(rates.success()).as("success in %s", window).isGreaterThanOrEqualTo(0.97);
        assertThat(rates.manualReview()).as("manual review in %s", window).isLessThan(0.01);
    }

    private static CoordinatorSql seed(DemoScenario scenario) throws Exception {
        new DemoSeeder(postgres.dataSource(), Clock.fixed(SEED, ZoneOffset.UTC))
                .seed(DemoOptions.defaults().withScenario(scenario));
        return new CoordinatorSql(postgres.dataSource());
    }
}
