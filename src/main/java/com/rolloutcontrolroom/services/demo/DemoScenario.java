package com.rolloutcontrolroom.services.demo;

import java.time.Instant;

/** Which story the demo rollout tells once the coordinator is fully on. */
public enum DemoScenario {
    /** The gate passes: success stays at or above 97 %, manual review below 1 %. */
    HEALTHY,
    /** Healthy at first, then the warning band (90-97 %) from seed-12h, then below 90 % with circuit trips from seed-3h. */
    DEGRADED;

    /** The health of the coordinator during the hour that starts at {@code hourStart}. */
    HealthBand bandAt(DemoStory story, Instant hourStart) {
        if (this == HEALTHY || hourStart.isBefore(story.degradationStart())) {
            return HealthBand.HEALTHY;
        }
        return hourStart.isBefore(story.criticalStart()) ? HealthBand.WARNING : HealthBand.CRITICAL;
    }
}
