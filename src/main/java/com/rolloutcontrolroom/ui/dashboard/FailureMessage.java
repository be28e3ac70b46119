package com.rolloutcontrolroom.ui.dashboard;

import com.rolloutcontrolroom.ui.common.FailureSentence;

/** Turns a failed refresh into one sentence for the screen. */
final class FailureMessage {

    private FailureMessage() {
    }

    static String of(Throwable failure) {
        return "Could not read the database: " + FailureSentence.of(failure);
    }
}
