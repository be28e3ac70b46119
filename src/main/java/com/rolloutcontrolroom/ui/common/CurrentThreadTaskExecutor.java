package com.rolloutcontrolroom.ui.common;

/** Runs work and callbacks at once on the calling thread, so ViewModel tests need no toolkit. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> RunningTask execute(BackgroundTask<T> task) {
        task.running();
        T result;
        try {
            result = task.call();
        } catch (Throwable error) {
            task.failed(error);
            return Finished.INSTANCE;
        }
        task.succeeded(result);
        return Finished.INSTANCE;
    }

    @Override
    public void runOnUiThread(Runnable update) {
        update.run();
    }

    @Override
    public void close() {
        // nothing runs in the background
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
