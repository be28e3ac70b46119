package com.rolloutcontrolroom.ui.common;

import java.time.Duration;

/**
 * The one way ViewModels run blocking work (JDBC, SQLite, keychain, files, processes): work off the
 * FX thread, callbacks on it. Tests use {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> RunningTask execute(BackgroundTask<T> task);

    /**
     * Hands a progress update from background work to the UI thread, where bound properties may be
     * touched; the same-thread executor runs it inline.
     */
    void runOnUiThread(Runnable update);

    /**
     * Runs {@code action} on the UI thread every {@code period} (first after one period) until the
     * returned handle is cancelled; e.g. a dashboard that refreshes itself during a cutover call.
     */
    RunningTask every(Duration period, Runnable action);

    /** Logs and shows the failures of tasks that set no {@code onFailure}. */
    UnhandledFailures unhandledFailures();

    /** Stops accepting work and interrupts what runs; called once on exit. */
    @Override
    void close();

    /** A handle to cancel work that is still running; a cancelled task reports no outcome. */
    interface RunningTask {
        void cancel();

        boolean isCancelled();
    }
}
