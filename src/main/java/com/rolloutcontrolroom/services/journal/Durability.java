package com.rolloutcontrolroom.services.journal;

/**
 * SQLite's {@code synchronous} setting for the journal. The app always uses {@link #FULL}: a
 * committed record survives power loss, not only a crash.
 */
public enum Durability {
    FULL,
    /** Survives a process crash but not power loss; only for tests that append in bulk. */
    NORMAL_FOR_TESTS_ONLY
}
