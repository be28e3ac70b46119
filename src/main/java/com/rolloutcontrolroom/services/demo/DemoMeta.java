package com.rolloutcontrolroom.services.demo;

import java.time.Instant;

/** The seeded story as recorded in {@code demo_meta}: scenario, volume, seed time and how far traffic is written. */
public record DemoMeta(DemoScenario scenario, int bookingsPerHour, Instant seededAt, Instant generatedUntil) {

    public DemoStory story() {
        return new DemoStory(seededAt);
    }

    boolean matches(DemoOptions options) {
        // an option left open (null, 0) takes what is stored
        return (options.scenario() == null || scenario == options.scenario())
                && (options.bookingsPerHour() == 0 || bookingsPerHour == options.bookingsPerHour());
    }
}
