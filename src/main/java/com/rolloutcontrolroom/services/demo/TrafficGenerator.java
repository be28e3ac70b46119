package com.rolloutcontrolroom.services.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The one source of demo events, for seeded history and live traffic alike. Each quota hour is built
 * whole from its own seeded random stream and then clipped, so {@code generate(a, c)} equals
 * {@code generate(a, b)} followed by {@code generate(b, c)}: live slices never duplicate or skip events.
 */
public final class TrafficGenerator {

    private static final long STREAM_SEED = 0x5EED_0000_D3E0L;

    private final DemoStory story;
    private final BackgroundTraffic background;
    private final CoordinatorTraffic coordinator;

    public TrafficGenerator(DemoStory story, DemoScenario scenario, int bookingsPerHour) {
        this.story = story;
        this.background = new BackgroundTraffic(story);
        this.coordinator = new CoordinatorTraffic(story, scenario, bookingsPerHour);
    }

    public DemoStory story() {
        return story;
    }

    /** The events with {@code from <= created_at < to}, oldest first. */
    public List<ObservabilityEvent> generate(Instant from, Instant to) {
        List<ObservabilityEvent> events = new ArrayList<>();
        if (!from.isBefore(to)) {
            return events;
        }
        long lastHour = story.hourIndex(to.minusNanos(1));
        for (long hour = story.hourIndex(from); hour <= lastHour; hour++) {
            for (ObservabilityEvent event : hourEvents(hour)) {
                if (!event.createdAt().isBefore(from) && event.createdAt().isBefore(to)) {
                    events.add(event);
                }
            }
        }
        events.sort(Comparator.comparing(ObservabilityEvent::createdAt));
        return events;
    }

    private List<ObservabilityEvent> hourEvents(long hourIndex) {
        List<ObservabilityEvent> events = new ArrayList<>();
        background.addHour(hourIndex, new Random(STREAM_SEED ^ (hourIndex * 0x9E3779B97F4A7C15L)), events);
        coordinator.addHour(hourIndex, new Random(~STREAM_SEED ^ (hourIndex * 0xC2B2AE3D27D4EB4FL)), events);
        return events;
    }
}
