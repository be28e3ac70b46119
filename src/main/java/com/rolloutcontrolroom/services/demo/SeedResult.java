package com.rolloutcontrolroom.services.demo;

import java.time.Duration;

/** What {@link DemoSeeder#seed} did, for the log and for the demo's status line. */
public record SeedResult(Outcome outcome, long eventsWritten, Duration took, DemoStory story, DemoScenario scenario,
                         int bookingsPerHour) {

    public enum Outcome {
        /** Nothing was there (or a reset / other scenario was asked for): history written from scratch. */
        SEEDED,
        /** The same story was there: only the gap since the last written event was filled. */
        BACKFILLED
    }
}
