package com.rolloutcontrolroom.services.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo rollout's timeline, anchored at the moment it was seeded. Every marker is a whole number of
 * hours from {@code seededAt}, so hourly quotas line up with the windows the story talks about (the
 * baseline is exactly 24 quota hours).
 *
 * <pre>
 * seed-96h  baseline window (seed 000's "last 24 hours")   seed-72h
 * seed-72h  preparation: legacy traffic only
 * seed-34h  staging shadow deployed: legacy still routes, no coordinator events
 * seed-30h  staging full deployed: coordinator on, legacy auto_assign stops
 * seed-12h  (DEGRADED only) success drops into the 90-97 % warning band
 * seed-3h   (DEGRADED only) success below 90 %, circuit breaker trips
 * </pre>
 */
public record DemoStory(Instant seededAt) {

    static final Duration HOUR = Duration.ofHours(1);

    public DemoStory {
        if (seededAt.getNano() != 0) {
            throw new IllegalArgumentException("seededAt must be a whole second, got " + seededAt);
        }
    }

    public static DemoStory anchoredAt(Instant now) {
        return new DemoStory(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Where seeded history begins. */
    public Instant historyStart() {
        return baselineStart();
    }

    public Instant baselineStart() {
        return hoursFromSeed(-96);
    }

    public Instant baselineEnd() {
        return hoursFromSeed(-72);
    }

    /** Deployment marker of the shadow phase. */
    public Instant shadowStart() {
        return hoursFromSeed(-34);
    }

    /** Deployment marker of the full phase. */
    public Instant fullStart() {
        return hoursFromSeed(-30);
    }

    public Instant degradationStart() {
        return hoursFromSeed(-12);
    }

    public Instant criticalStart() {
        return hoursFromSeed(-3);
    }

    /** The quota hour containing {@code t}: hour 0 starts at {@code seededAt}, history hours are negative. */
    long hourIndex(Instant t) {
        return Math.floorDiv(Duration.between(seededAt, t).toMillis(), HOUR.toMillis());
    }

    Instant hourStart(long hourIndex) {
        return seededAt.plus(HOUR.multipliedBy(hourIndex));
    }

    private Instant hoursFromSeed(long hours) {
        return seededAt.plus(Duration.ofHours(hours));
    }
}
