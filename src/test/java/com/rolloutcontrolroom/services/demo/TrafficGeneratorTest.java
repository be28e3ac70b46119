package com.rolloutcontrolroom.services.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

    static final DemoStory STORY = DemoStory.anchoredAt(Instant.parse("2026-11-20T10:17:42Z"));

    @Test
    void slicesAddUpToTheWholeWithoutDuplicatesOrGaps() {
        TrafficGenerator generator = new TrafficGenerator(STORY, DemoScenario.DEGRADED, 40);
        Instant from = STORY.seededAt().minus(Duration.ofHours(5)).plusMillis(1_234);
        Instant to = STORY.seededAt().plus(Duration.ofMinutes(20));
        List<ObservabilityEvent> sliced = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plusMillis(2_345_678)) {
            Instant end = t.plusMillis(2_345_678).isAfter(to) ? to : t.plusMillis(2_345_678);
            sliced.addAll(generator.generate(t, end));
        }
        assertThat(sliced).isEqualTo(generator.generate(from, to));
    }

    @Test
    void theSameStoryGivesTheSameEvents() {
        Instant from = STORY.fullStart();
        Instant to = from.plus(Duration.ofHours(3));
        assertThat(new TrafficGenerator(STORY, DemoScenario.HEALTHY, 40).generate(from, to))
                .isEqualTo(new TrafficGenerator(STORY, DemoScenario.HEALTHY, 40).generate(from, to));
    }

    @Test
    void volumeFollowsTheConfiguredBookingRate() {
        Instant from = STORY.seededAt().minus(Duration.ofHours(6));
        long starts = new TrafficGenerator(STORY, DemoScenario.HEALTHY, 120).generate(from, STORY.seededAt()).stream()
                .filter(e -> e.eventType().equals("coordinator.start")).count();
        assertThat(starts).isEqualTo(720);
    }
}
