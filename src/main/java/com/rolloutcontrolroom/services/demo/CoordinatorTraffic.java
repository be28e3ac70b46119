package com.rolloutcontrolroom.services.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The V3 assignment coordinator in the full phase: per booking {@code coordinator.start} then
 * {@code coordinator.confirmed} (no reason), with issues (retry, lock contention, manual review, error,
 * each with a reason) and circuit trips placed by quota, plus the {@code assignment.state_machine}
 * transitions of each booking.
 */
final class CoordinatorTraffic {

    static final String SOURCE = "assignment.coordinator";
    static final String STATE_MACHINE = "assignment.state_machine";

    /** Bookings sit on evenly spaced slots so any one-hour window holds the hourly volume give or take one. */
    private static final long SLOT_SPAN_MICROS = (DemoStory.HOUR.toNanos() / 1_000) - 10_000_000;
    /** A healthy rollout still sends a couple of bookings to a person right after the flip, never later. */
    private static final long TEETHING_FIRST_HOUR = 2;
    private static final long TEETHING_HOURS = 12;
    private static final int CIRCUIT_BURST = 5;

    private final DemoStory story;
    private final DemoScenario scenario;
    private final int bookingsPerHour;

    CoordinatorTraffic(DemoStory story, DemoScenario scenario, int bookingsPerHour) {
        this.story = story;
        this.scenario = scenario;
        this.bookingsPerHour = bookingsPerHour;
    }

    /** Adds the coordinator events of quota hour {@code hourIndex} to {@code sink}; nothing before the full phase. */
    void addHour(long hourIndex, Random random, List<ObservabilityEvent> sink) {
        Instant hourStart = story.hourStart(hourIndex);
        if (hourStart.isBefore(story.fullStart())) {
            return;
        }
        HealthBand band = scenario.bandAt(story, hourStart);
        List<CoordinatorIssue> issues = issuesOfHour(hourIndex, band);

        List<Integer> troubledSlots = new ArrayList<>();
        for (int i = 0; i < bookingsPerHour; i++) {
            troubledSlots.add(i);
        }
        Collections.shuffle(troubledSlots, random);
        CoordinatorIssue[] issueOfSlot = new CoordinatorIssue[bookingsPerHour];
        for (int i = 0; i < Math.min(issues.size(), bookingsPerHour); i++) {
            issueOfSlot[troubledSlots.get(i)] = issues.get(i);
        }

        for (int slot = 0; slot < bookingsPerHour; slot++) {
            long offsetMicros = (long) ((slot + 0.8 * random.nextDouble()) / bookingsPerHour * SLOT_SPAN_MICROS);
            addBooking(hourStart.plusNanos(offsetMicros * 1_000), issueOfSlot[slot], random, sink);
        }
        addCircuitOpens(hourIndex, band, hourStart, random, sink);
    }

    private List<CoordinatorIssue> issuesOfHour(long hourIndex, HealthBand band) {
        long bandHour = hourIndex - story.hourIndex(bandStart(band));
        long perMille = (long) band.issuesPerMilleBookings() * bookingsPerHour;
        long first = HourlyQuota.countBefore(bandHour, perMille, 1_000);
        int count = HourlyQuota.countAt(bandHour, perMille, 1_000);
        List<CoordinatorIssue> issues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            issues.add(band.issue(first + i));
        }
        if (band == HealthBand.HEALTHY) {
            long teethingHour = hourIndex - story.hourIndex(story.fullStart()) - TEETHING_FIRST_HOUR;
            if (teethingHour >= 0 && teethingHour < TEETHING_HOURS && HourlyQuota.countAt(teethingHour, 1, 6) > 0) {
                issues.add(CoordinatorIssue.MANUAL_REVIEW);
            }
        }
        return issues;
    }

    private Instant bandStart(HealthBand band) {
        return switch (band) {
            case HEALTHY -> story.fullStart();
            case WARNING -> story.degradationStart();
            case CRITICAL -> story.criticalStart();
        };
    }

    private void addBooking(Instant start, CoordinatorIssue issue, Random random, List<ObservabilityEvent> sink) {
        String booking = "bk_" + Long.toHexString(random.nextLong() & 0xffffffffffL);
        String restaurant = "r-" + (100 + random.nextInt(24));
        sink.add(event(SOURCE, "coordinator.start", JsonContext.of("booking_id", booking, "restaurant_id", restaurant), start));
        sink.add(transition(booking, "pending", "assigning", start.plusMillis(5)));
        Instant at = start.plusMillis(150 + random.nextInt(900));
        String finalState = "confirmed";
        if (issue != null) {
            at = at.plusMillis(random.nextInt(1_500));
            sink.add(event(SOURCE, issue.eventType(), issueContext(issue, booking, random), at));
            finalState = issue == CoordinatorIssue.MANUAL_REVIEW ? "manual_review" : "failed";
        }
        if (issue == null || issue.stillConfirms()) {
            at = at.plusMillis(200 + random.nextInt(1_800));
            sink.add(event(SOURCE, "coordinator.confirmed",
                    JsonContext.of("booking_id", booking, "table_id", "t-" + (1 + random.nextInt(30)),
                            "duration_ms", Duration.between(start, at).toMillis()), at));
            finalState = "confirmed";
        }
        sink.add(transition(booking, "assigning", finalState, at.plusMillis(5)));
    }

    private static String issueContext(CoordinatorIssue issue, String booking, Random random) {
        String reason = issue.reason(random.nextInt(2));
        return switch (issue) {
            case RETRY -> JsonContext.of("reason", reason, "booking_id", booking, "attempt", 2);
            case LOCK_CONTENTION -> JsonContext.of("reason", reason, "booking_id", booking, "wait_ms", 200 + random.nextInt(2_800));
            case MANUAL_REVIEW, ERROR -> JsonContext.of("reason", reason, "booking_id", booking);
        };
    }

    private void addCircuitOpens(long hourIndex, HealthBand band, Instant hourStart, Random random, List<ObservabilityEvent> sink) {
        int count = band.circuitOpensPerHour();
        if (count == 0) {
            return;
        }
        boolean firstCriticalHour = hourIndex == story.hourIndex(story.criticalStart());
        for (int i = 0; i < count; i++) {
            sink.add(circuitOpen(hourStart.plusSeconds(300 + random.nextInt(3_000)), random));
        }
        if (firstCriticalHour) {
            // the trip that starts the incident: several breakers open within a couple of minutes
            Instant burst = hourStart.plusSeconds(60);
            for (int i = 0; i < CIRCUIT_BURST; i++) {
                sink.add(circuitOpen(burst.plusSeconds(20L * i + random.nextInt(15)), random));
            }
        }
    }

    private static ObservabilityEvent circuitOpen(Instant at, Random random) {
        return event(SOURCE, "coordinator.circuit_open",
                JsonContext.of("reason", "failure_threshold_exceeded", "failures_in_window", 5 + random.nextInt(10),
                        "cooldown_seconds", 30), at);
    }

    private static ObservabilityEvent transition(String booking, String from, String to, Instant at) {
        return event(STATE_MACHINE, "state_machine.transition", JsonContext.of("booking_id", booking, "from", from, "to", to), at);
    }

    private static ObservabilityEvent event(String source, String type, String context, Instant at) {
        return new ObservabilityEvent(source, type, context, at);
    }
}
