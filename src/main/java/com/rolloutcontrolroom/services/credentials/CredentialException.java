package com.rolloutcontrolroom.services.credentials;

/** A credential store could not do its job; the message is one sentence naming what to fix. */
public final class CredentialException extends Exception {

    public CredentialException(String sentence) {
        super(sentence);
    }

    public CredentialException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
