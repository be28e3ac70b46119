package com.rolloutcontrolroom.domain.rollout;

/** A move the rollout's state does not allow; the message is one sentence saying what is missing. */
public final class MoveRefused extends RuntimeException {

    public MoveRefused(String sentence) {
        super(sentence);
    }
}
