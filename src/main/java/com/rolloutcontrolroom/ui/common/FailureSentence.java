package com.rolloutcontrolroom.ui.common;

/** The one sentence of a failed background action: services already phrase theirs for people. */
public final class FailureSentence {

    private FailureSentence() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? "The action failed (" + cause.getClass().getSimpleName() + "); see the log." : cause.getMessage();
    }
}
