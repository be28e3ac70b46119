package com.rolloutcontrolroom.ui.dashboard;

/** Turns a failure into one sentence for the screen: the deepest cause's message. */
final class FailureMessage {

    private FailureMessage() {
    }

    static String of(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "Could not read the database: " + message.strip();
    }
}
