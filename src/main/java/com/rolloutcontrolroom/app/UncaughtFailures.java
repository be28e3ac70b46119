package com.rolloutcontrolroom.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exception nobody caught, on the FX thread or any other, goes to the log with its stack trace:
 * the JVM's default would print it to stderr, where only the CLI's one-sentence errors belong, and
 * in the desktop app nobody reads stderr at all.
 */
final class UncaughtFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);

    private UncaughtFailures() {
    }

    static void logThem() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                LOG.error("Uncaught exception in thread " + thread.getName(), failure));
    }
}
