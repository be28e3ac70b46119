package com.rolloutcontrolroom.domain.gate;

import java.text.NumberFormat;
import java.util.Locale;

import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * The checks of a shadow phase, where V3 only shadows the legacy path: no {@code assignment.coordinator}
 * event may appear (one means the flags let V3 handle bookings), and the legacy {@code auto_assign.*}
 * path must still be busy (none means no bookings reach the app, so the shadow proves nothing).
 */
final class ShadowMode {

    private ShadowMode() {
    }

    /** @param success the success rate, whose total counts every {@code assignment.coordinator} event; null when unread */
    static Judgement coordinatorEvents(Rate success) {
        if (success == null) {
            return Judgement.of(Verdict.ERROR, "The assignment.coordinator events could not be counted.");
        }
        if (success.total() > 0) {
            return Judgement.of(Verdict.FAIL, count(success.total()) + " assignment.coordinator " + (success.total() == 1 ? "event" : "events")
                    + " in a shadow phase: the flags are misconfigured; V3 must not handle bookings yet.");
        }
        return Judgement.of(Verdict.PASS, "No assignment.coordinator events: V3 handles no bookings in this shadow phase,"
                + " so its success and manual-review rates are not judged.");
    }

    /** @param legacyEvents {@code auto_assign.*} events in the window; null when not measured */
    static Judgement legacyActivity(Long legacyEvents) {
        if (legacyEvents == null) {
            return Judgement.of(Verdict.ERROR, "The legacy auto_assign.* events could not be counted.");
        }
        if (legacyEvents == 0) {
            return Judgement.of(Verdict.WARN, "No legacy auto_assign.* events in the window: is booking traffic reaching the app?");
        }
        return Judgement.of(Verdict.PASS, count(legacyEvents) + " legacy auto_assign.* " + (legacyEvents == 1 ? "event" : "events")
                + ": the legacy path is handling the bookings.");
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }
}
