package com.rolloutcontrolroom.domain.journal;

import java.time.Instant;
import java.util.Objects;

/** Constructor checks shared by the journal records; each failure is one sentence naming the field. */
final class Require {

    private Require() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is empty; fill it in.");
        }
        return value.strip();
    }

    /** Optional text: blank becomes null so "no value" has exactly one spelling in the chain. */
    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Instant time(Instant value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing; enter a date and time.");
        }
        return JournalTime.normalize(value);
    }

    static Instant optionalTime(Instant value) {
        return value == null ? null : JournalTime.normalize(value);
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is missing; provide it.");
    }
}
