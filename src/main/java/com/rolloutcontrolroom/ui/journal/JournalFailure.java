package com.rolloutcontrolroom.ui.journal;

/** Turns a failed journal task into one sentence: what did not happen, then the deepest cause. */
final class JournalFailure {

    private JournalFailure() {
    }

    static String sentence(String whatFailed, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        return whatFailed + ": " + message;
    }
}
