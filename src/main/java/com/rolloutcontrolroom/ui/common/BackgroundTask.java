package com.rolloutcontrolroom.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of blocking work plus what to do with its outcome. The {@link TaskExecutor} runs the work
 * off the FX thread and the callbacks on it, so a ViewModel may touch its properties in them.
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = result -> { };
    /** Null until set: the executor then reports the failure as unhandled instead of dropping it. */
    private Consumer<Throwable> onFailure;
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> ofRunnable(ThrowingRunnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onRunning(Runnable callback) {
        this.onRunning = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs after success or failure, e.g. to clear a busy flag. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    T call() throws Exception {
        return work.call();
    }

    void running() {
        onRunning.run();
    }

    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error, UnhandledFailures unhandled) {
        try {
            if (onFailure != null) {
                onFailure.accept(error);
            } else {
                unhandled.report(error);
            }
        } finally {
            onFinished.run();
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
