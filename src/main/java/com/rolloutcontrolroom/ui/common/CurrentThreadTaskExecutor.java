package com.rolloutcontrolroom.ui.common;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs work and callbacks at once on the calling thread, so ViewModel tests need no toolkit. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final Map<RunningTask, Runnable> scheduled = new LinkedHashMap<>();
    private final UnhandledFailures unhandledFailures = new UnhandledFailures();

    @Override
    public <T> RunningTask execute(BackgroundTask<T> task) {
        task.running();
        T result;
        try {
            result = task.call();
        } catch (Throwable error) {
            task.failed(error, unhandledFailures);
            return Finished.INSTANCE;
        }
        task.succeeded(result);
        return Finished.INSTANCE;
    }

    @Override
    public UnhandledFailures unhandledFailures() {
        return unhandledFailures;
    }

    @Override
    public void runOnUiThread(Runnable update) {
        update.run();
    }

    /** Kept, not timed: a test advances time by calling {@link #runScheduled()}. */
    @Override
    public RunningTask every(Duration period, Runnable action) {
        RunningTask[] handle = new RunningTask[1];
        handle[0] = new RunningTask() {
            @Override
            public void cancel() {
                scheduled.remove(handle[0]);
            }

            @Override
            public boolean isCancelled() {
                return !scheduled.containsKey(handle[0]);
            }
        };
        scheduled.put(handle[0], action);
        return handle[0];
    }

    /** Runs every scheduled action once, as if one period had passed. */
    public void runScheduled() {
        List.copyOf(scheduled.values()).forEach(Runnable::run);
    }

    @Override
    public void close() {
        scheduled.clear();
    }

    private enum Finished implements RunningTask {
        INSTANCE;

        @Override
        public void cancel() {
            // already finished
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
