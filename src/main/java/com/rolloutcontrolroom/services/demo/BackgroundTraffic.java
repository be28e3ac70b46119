package com.rolloutcontrolroom.services.demo;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Everything that is not the coordinator: the event mix of seed 000's baseline (2,631 events a day, its
 * top five exactly as listed there), continuing all along. The legacy assignment path
 * ({@code auto_assign.*}, {@code inline_auto_assign.*}) stops when the full phase starts.
 */
final class BackgroundTraffic {

    private static final long HOUR_MICROS = DemoStory.HOUR.toNanos() / 1_000;

    /** One kind of background event at a steady daily count. */
    private record Kind(String source, String eventType, int perDay, boolean legacy, Function<Random, String> context) {
    }

    // The first five are seed 000's top five; the other eleven add up to 193 with fewer than 20 each,
    // so the top five stay the seed's.
    private static final List<Kind> KINDS = List.of(
            new Kind("capacity.rpc", "capacity.rpc.conflict", 2_323, false,
                    r -> JsonContext.of("restaurant_id", restaurant(r), "slot", slot(r), "party_size", 2 + r.nextInt(5))),
            new Kind("auto_assign", "auto_assign.attempt", 41, true,
                    r -> JsonContext.of("booking_id", booking(r), "restaurant_id", restaurant(r))),
            new Kind("auto_assign", "auto_assign.quote", 27, true,
                    r -> JsonContext.of("booking_id", booking(r), "tables_considered", 1 + r.nextInt(6))),
            new Kind("capacity.transaction", "booking.creation.success", 27, false,
                    r -> JsonContext.of("booking_id", booking(r), "restaurant_id", restaurant(r))),
            new Kind("bookings.inline_auto_assign", "inline_auto_assign.quote_result", 20, true,
                    r -> JsonContext.of("booking_id", booking(r), "quoted", r.nextInt(4) != 0)),
            new Kind("auto_assign", "auto_assign.success", 19, true,
                    r -> JsonContext.of("booking_id", booking(r), "table_id", "t-" + (1 + r.nextInt(30)))),
            new Kind("bookings.inline_auto_assign", "inline_auto_assign.skipped", 19, true,
                    r -> JsonContext.of("booking_id", booking(r), "skip", "manual_table_choice")),
            new Kind("capacity.rpc", "capacity.rpc.timeout", 19, false,
                    r -> JsonContext.of("restaurant_id", restaurant(r), "elapsed_ms", 2_000 + r.nextInt(3_000))),
            new Kind("booking.email", "booking.confirmation_email.sent", 19, false,
                    r -> JsonContext.of("booking_id", booking(r))),
            new Kind("capacity.cache", "capacity.cache.refresh", 19, false,
                    r -> JsonContext.of("restaurant_id", restaurant(r), "entries", 10 + r.nextInt(90))),
            new Kind("payments.webhook", "payment.intent.succeeded", 19, false,
                    r -> JsonContext.of("booking_id", booking(r), "amount_cents", 1_000 + 500 * r.nextInt(10))),
            new Kind("availability.api", "availability.query", 19, false,
                    r -> JsonContext.of("restaurant_id", restaurant(r), "party_size", 2 + r.nextInt(5))),
            new Kind("auto_assign", "auto_assign.no_capacity", 18, true,
                    r -> JsonContext.of("booking_id", booking(r), "restaurant_id", restaurant(r))),
            new Kind("capacity.transaction", "booking.creation.failed", 18, false,
                    r -> JsonContext.of("restaurant_id", restaurant(r), "error", "slot_no_longer_available")),
            new Kind("booking.email", "booking.reminder_email.sent", 17, false,
                    r -> JsonContext.of("booking_id", booking(r))),
            new Kind("bookings.cancellation", "booking.cancelled", 7, false,
                    r -> JsonContext.of("booking_id", booking(r), "by", r.nextBoolean() ? "guest" : "venue")));

    private final DemoStory story;

    BackgroundTraffic(DemoStory story) {
        this.story = story;
    }

    /** Adds the background events of quota hour {@code hourIndex} to {@code sink}. */
    void addHour(long hourIndex, Random random, List<ObservabilityEvent> sink) {
        Instant hourStart = story.hourStart(hourIndex);
        boolean legacyRoutes = hourStart.isBefore(story.fullStart());
        for (Kind kind : KINDS) {
            if (kind.legacy() && !legacyRoutes) {
                continue;
            }
            int count = HourlyQuota.countAt(hourIndex, kind.perDay(), 24);
            for (int i = 0; i < count; i++) {
                Instant at = hourStart.plusNanos(1_000 * (long) (random.nextDouble() * HOUR_MICROS));
                sink.add(new ObservabilityEvent(kind.source(), kind.eventType(), kind.context().apply(random), at));
            }
        }
    }

    private static String restaurant(Random random) {
        return "r-" + (100 + random.nextInt(24));
    }

    private static String slot(Random random) {
        return String.format("%02d:%02d", 17 + random.nextInt(5), 15 * random.nextInt(4));
    }

    private static String booking(Random random) {
        return "bk_" + Long.toHexString(random.nextLong() & 0xffffffffffL);
    }
}
