package com.rolloutcontrolroom.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a background task's failure goes when the task set no {@code onFailure}: into the log with
 * its stack trace, and in one sentence to whoever shows it (the main window's status bar), so no
 * failure is swallowed. The executor calls it on the UI thread.
 */
public final class UnhandledFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UnhandledFailures.class);

    private volatile Consumer<String> show = sentence -> { };

    /** Replaces where sentences are shown; until someone asks, they are only logged. */
    public void showWith(Consumer<String> show) {
        this.show = Objects.requireNonNull(show);
    }

    void report(Throwable failure) {
        LOG.error("A background task failed and no one handled it", failure);
        show.accept("A background task failed: " + FailureSentence.of(failure));
    }
}
