package com.rolloutcontrolroom.services.rollout;

import java.util.Optional;

/** A plan file that cannot be read or written; the message is one sentence naming the file, where, and what to fix. */
public final class PlanFileException extends RuntimeException {

    private final String file;
    private final String jsonPath;

    PlanFileException(String file, String jsonPath, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    /** The file's name, as the message gives it. */
    public String file() {
        return file;
    }

    /** Where in the file, as {@code phases[2].schedule[1].at}; empty for a file that is not JSON at all or cannot be read. */
    public Optional<String> jsonPath() {
        return Optional.ofNullable(jsonPath);
    }
}
