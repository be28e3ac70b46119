package com.rolloutcontrolroom.ui.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

/** Runs work on a small daemon pool and hands every callback to the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ui-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<Runnable> fxThread;
    private final UnhandledFailures unhandledFailures = new UnhandledFailures();

    public FxTaskExecutor() {
        this(Platform::runLater);
    }

    /** @param fxThread how callbacks reach the UI thread; {@code Platform::runLater} in the app */
    FxTaskExecutor(Consumer<Runnable> fxThread) {
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "background-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.fxThread = fxThread;
    }

    @Override
    public <T> RunningTask execute(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Future<?>> future = new AtomicReference<>();
        fxThread.accept(() -> {
            if (!cancelled.get()) {
                task.running();
            }
        });
        future.set(pool.submit(() -> {
            try {
                T result = task.call();
                fxThread.accept(() -> {
                    // closed on exit: an outcome arriving now would start more work on a pool that takes none
                    if (!cancelled.get() && !pool.isShutdown()) {
                        task.succeeded(result);
                    }
                });
            } catch (Throwable error) {
                fxThread.accept(() -> {
                    if (!cancelled.get() && !pool.isShutdown()) {
                        task.failed(error, unhandledFailures);
                    }
                });
            }
        }));
        return new RunningTask() {
            @Override
            public void cancel() {
                if (cancelled.compareAndSet(false, true)) {
                    future.get().cancel(true);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    @Override
    public UnhandledFailures unhandledFailures() {
        return unhandledFailures;
    }

    @Override
    public void runOnUiThread(Runnable update) {
        fxThread.accept(update);
    }

    @Override
    public RunningTask every(Duration period, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> future = timer.scheduleAtFixedRate(() -> fxThread.accept(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new RunningTask() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
