package com.rolloutcontrolroom.ui.common;

/**
 * The one sentence of a failed background action. Services already phrase theirs for people, so
 * this is the outermost message of the cause chain, skipping wrappers that only repeat their cause
 * ("java.net.ConnectException: Connection refused").
 */
public final class FailureSentence {

    private FailureSentence() {
    }

    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            boolean onlyRepeatsItsCause = cause.getCause() != null && cause.getCause().toString().equals(message);
            if (message != null && !message.isBlank() && !onlyRepeatsItsCause) {
                return message.strip();
            }
        }
        return "The action failed (" + failure.getClass().getSimpleName() + "); see the log.";
    }
}
