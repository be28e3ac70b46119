package com.rolloutcontrolroom.services.deploy;

/**
 * A reviewed action that could not go on, as one sentence saying what to do. The kind lets a front end
 * and the tests tell the failures apart without reading the words.
 */
public final class DeployFailure extends RuntimeException {

    public enum Kind {
        CLI_MISSING, CLI_VERSION_UNKNOWN, NOT_LOGGED_IN, NOT_LINKED, NO_PROJECT_FOLDER, NETWORK, EXIT_CODE, TIMEOUT,
        CANCELLED, NO_URL, MISMATCH, REFUSED
    }

    private final Kind kind;

    public DeployFailure(Kind kind, String sentence) {
        super(sentence);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String sentence() {
        return getMessage();
    }
}
