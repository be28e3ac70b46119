package com.rolloutcontrolroom.services.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a release manager should hear about now, said in one sentence.
 *
 * @param kind     what it is about
 * @param rollout  the rollout's name
 * @param at       when it happened (the checkpoint's due time, the moment a verdict changed)
 * @param sentence what happened, one line, e.g. "Checkpoint T+6h was taken 10 minutes late."
 */
public record Notice(NoticeKind kind, String rollout, Instant at, String sentence) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(at, "at");
        if (sentence == null || sentence.isBlank() || sentence.contains("\n") || sentence.contains("\r")) {
            throw new IllegalArgumentException("A notice is one sentence on one line.");
        }
    }

    /** The line a chat message or a notification shows: {@code ROLLOUT: sentence}. */
    public String text() {
        return rollout + ": " + sentence;
    }
}
