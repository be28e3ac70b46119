package com.rolloutcontrolroom.services.demo;

/**
 * How the demo database should be seeded and fed.
 *
 * @param scenario        the story the coordinator tells
 * @param bookingsPerHour coordinator volume in the full phase; the scenario rates are tuned for 40 and
 *                        hold from about 20 upwards (below that a single manual review is over 1 %)
 * @param reset           truncate and reseed even if the database already holds this scenario
 */
public record DemoOptions(DemoScenario scenario, int bookingsPerHour, boolean reset) {

    public static final int DEFAULT_BOOKINGS_PER_HOUR = 40;

    public DemoOptions {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario is required");
        }
        if (bookingsPerHour < 1 || bookingsPerHour > 3_600) {
            throw new IllegalArgumentException("bookingsPerHour must be between 1 and 3600, got " + bookingsPerHour);
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DemoScenario.HEALTHY, DEFAULT_BOOKINGS_PER_HOUR, false);
    }

    public DemoOptions withScenario(DemoScenario newScenario) {
        return new DemoOptions(newScenario, bookingsPerHour, reset);
    }

    public DemoOptions withReset(boolean newReset) {
        return new DemoOptions(scenario, bookingsPerHour, newReset);
    }
}
