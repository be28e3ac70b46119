package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHead;

/** The journal grew past the head a person approved before their record was written; nothing was written. */
public final class HeadMovedException extends RuntimeException {

    private final ChainHead expected;
    private final ChainHead actual;

    public HeadMovedException(ChainHead expected, ChainHead actual) {
        super("The journal has grown since you read it (its head is record " + actual.id() + ", not " + expected.id()
                + " as you approved): read it again and sign again.");
        this.expected = expected;
        this.actual = actual;
    }

    public ChainHead expected() {
        return expected;
    }

    public ChainHead actual() {
        return actual;
    }
}
