package com.rolloutcontrolroom.services.journal;

/** Another process recorded to the rollout after it was read; nothing was written. */
public final class RolloutChangedException extends RuntimeException {

    public RolloutChangedException(String sentence) {
        super(sentence);
    }
}
