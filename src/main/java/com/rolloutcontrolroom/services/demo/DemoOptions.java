package com.rolloutcontrolroom.services.demo;

import java.util.Optional;

/**
 * How the demo database should be seeded and fed.
 *
 * @param scenario        the story the coordinator tells; null: the one the database holds (healthy if none)
 * @param bookingsPerHour coordinator volume in the full phase; 0: the one the database holds (40 if none).
 *                        The scenario rates are tuned for 40 and hold from about 20 upwards (below that a
 *                        single manual review is over 1 %)
 * @param reset           truncate and reseed even if the database already holds this scenario
 */
public record DemoOptions(DemoScenario scenario, int bookingsPerHour, boolean reset) {

    public static final int DEFAULT_BOOKINGS_PER_HOUR = 40;

    public DemoOptions {
        if (bookingsPerHour < 0 || bookingsPerHour > 3_600) {
            throw new IllegalArgumentException("bookingsPerHour must be between 1 and 3600, got " + bookingsPerHour);
        }
    }

    /** Healthy at 40 bookings an hour, reseeding a database that holds anything else. */
    public static DemoOptions defaults() {
        return new DemoOptions(DemoScenario.HEALTHY, DEFAULT_BOOKINGS_PER_HOUR, false);
    }

    /**
     * Whatever the database holds (the scenario {@code demo-db --scenario} chose stays until changed), or
     * the defaults for a new one: what the desktop app and {@code run --env demo} ask for.
     */
    public static DemoOptions remembered() {
        return new DemoOptions(null, 0, false);
    }

    public DemoOptions withScenario(DemoScenario newScenario) {
        return new DemoOptions(newScenario, bookingsPerHour, reset);
    }

    public DemoOptions withReset(boolean newReset) {
        return new DemoOptions(scenario, bookingsPerHour, newReset);
    }

    /** The scenario and volume to seed, given what the database holds now. */
    DemoMeta choose(Optional<DemoMeta> existing, java.time.Instant seededAt, java.time.Instant historyStart) {
        DemoScenario chosen = scenario != null ? scenario : existing.map(DemoMeta::scenario).orElse(DemoScenario.HEALTHY);
        int rate = bookingsPerHour != 0 ? bookingsPerHour
                : existing.map(DemoMeta::bookingsPerHour).orElse(DEFAULT_BOOKINGS_PER_HOUR);
        return new DemoMeta(chosen, rate, seededAt, historyStart);
    }
}
