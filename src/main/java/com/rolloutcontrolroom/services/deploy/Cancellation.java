package com.rolloutcontrolroom.services.deploy;

/**
 * Cancel for a reviewed action that runs several commands: ends the command running now (its whole
 * process tree) and keeps the next from starting. Safe to call from any thread.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private Process current;

    public void cancel() {
        Process running;
        synchronized (this) {
            cancelled = true;
            running = current;
        }
        if (running != null) {
            ProcessRunner.destroyTree(running);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    synchronized void attach(Process process) {
        current = process;
        if (cancelled) {
            ProcessRunner.destroyTree(process);
        }
    }

    synchronized void detach() {
        current = null;
    }
}
