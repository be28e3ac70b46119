package com.rolloutcontrolroom.services.journal;

/** The journal cannot be opened or written; the message is one sentence for the user. */
public class JournalUnavailableException extends RuntimeException {

    public JournalUnavailableException(String message) {
        super(message);
    }

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
