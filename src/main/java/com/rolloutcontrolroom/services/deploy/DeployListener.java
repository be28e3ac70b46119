package com.rolloutcontrolroom.services.deploy;

/**
 * Hears a reviewed action as it runs, on the thread that runs it: each command as it starts, each output
 * line (secrets already removed) and how each command ended. A front end hands these to its own thread.
 */
public interface DeployListener {

    DeployListener NONE = new DeployListener() {
    };

    default void commandStarted(String shown) {
    }

    default void line(String line) {
    }

    default void commandFinished(String shown, String outcome) {
    }
}
