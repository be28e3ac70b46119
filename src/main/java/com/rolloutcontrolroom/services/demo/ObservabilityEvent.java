package com.rolloutcontrolroom.services.demo;

import java.time.Instant;

/** One row of {@code observability_events}; {@code contextJson} is a JSON object or null. */
public record ObservabilityEvent(String source, String eventType, String contextJson, Instant createdAt) {
}
