package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    /** Stands in for the FX thread: one queue drained by the test's own thread. */
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final FxTaskExecutor executor = new FxTaskExecutor(uiQueue::add);

    @Test
    void runsWorkOffTheUiThreadAndCallbacksOnIt() throws Exception {
        Thread uiThread = Thread.currentThread();
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.of(() -> {
            seen.add(Thread.currentThread() == uiThread ? "work on ui" : "work in background");
            return 42;
        }).onSuccess(value -> seen.add("success " + value + (Thread.currentThread() == uiThread ? " on ui" : " elsewhere")))
                .onFinished(() -> seen.add("finished")));
        drainUntil(() -> seen.contains("finished"));
        assertThat(seen).containsExactly("work in background", "success 42 on ui", "finished");
    }

    @Test
    void reportsFailureOnTheUiThread() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.of(() -> {
            throw new IllegalStateException("database gone");
        }).onFailure(error -> seen.add(error.getMessage())).onFinished(() -> seen.add("finished")));
        drainUntil(() -> seen.contains("finished"));
        assertThat(seen).containsExactly("database gone", "finished");
    }

    @Test
    void aFailureNoTaskHandlesIsLoggedWithItsStackTraceAndShownInOneSentence() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        executor.unhandledFailures().showWith(shown::add);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        // slf4j-jdk14 hands SLF4J's records to java.util.logging: listen where they arrive
        Logger log = Logger.getLogger(UnhandledFailures.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                logged.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            List<String> seen = new CopyOnWriteArrayList<>();
            executor.execute(BackgroundTask.of(() -> {
                throw new IllegalStateException("The journal file is locked by another process; close it there.");
            }).onFinished(() -> seen.add("finished")));
            drainUntil(() -> seen.contains("finished"));

            assertThat(shown).containsExactly("A background task failed: The journal file is locked by another process; close it there.");
            assertThat(logged).singleElement().satisfies(logRecord -> {
                assertThat(logRecord.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(logRecord.getThrown()).isInstanceOf(IllegalStateException.class)
                        .hasMessage("The journal file is locked by another process; close it there.");
                assertThat(logRecord.getThrown().getStackTrace()).isNotEmpty();
            });
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void aHandledFailureIsLeftToItsHandler() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        executor.unhandledFailures().showWith(shown::add);
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.of(() -> {
            throw new IllegalStateException("database gone");
        }).onFailure(error -> seen.add(error.getMessage())).onFinished(() -> seen.add("finished")));
        drainUntil(() -> seen.contains("finished"));
        assertThat(seen).containsExactly("database gone", "finished");
        assertThat(shown).isEmpty();
    }

    @Test
    void theSameThreadExecutorAlsoReportsAFailureNoTaskHandles() {
        CurrentThreadTaskExecutor inline = new CurrentThreadTaskExecutor();
        List<String> shown = new CopyOnWriteArrayList<>();
        inline.unhandledFailures().showWith(shown::add);
        inline.execute(BackgroundTask.ofRunnable(() -> {
            throw new java.io.IOException("Disk full: free space in the data folder.");
        }));
        assertThat(shown).containsExactly("A background task failed: Disk full: free space in the data folder.");
    }

    @Test
    void aCancelledTaskReportsNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        TaskExecutor.RunningTask task = executor.execute(BackgroundTask.of(() -> {
            started.countDown();
            Thread.sleep(10_000);
            return "late";
        }).onSuccess(seen::add).onFailure(error -> seen.add("failure")).onFinished(() -> seen.add("finished")));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        // the interrupted worker still posts its failure callback; wait for it so the check below means something
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (uiQueue.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(uiQueue).as("the running and the failure callbacks were posted").hasSize(2);
        uiQueue.forEach(Runnable::run);
        assertThat(task.isCancelled()).isTrue();
        assertThat(seen).isEmpty();
    }

    @Test
    void progressFromBackgroundWorkIsPostedToTheUiThread() throws Exception {
        Thread uiThread = Thread.currentThread();
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.ofRunnable(() -> executor.runOnUiThread(
                () -> seen.add(Thread.currentThread() == uiThread ? "progress on ui" : "progress elsewhere")))
                .onFinished(() -> seen.add("finished")));
        drainUntil(() -> seen.contains("finished"));
        assertThat(seen).containsExactly("progress on ui", "finished");
    }

    @Test
    void theSameThreadExecutorRunsProgressInline() {
        List<String> seen = new CopyOnWriteArrayList<>();
        new CurrentThreadTaskExecutor().runOnUiThread(() -> seen.add("inline"));
        assertThat(seen).containsExactly("inline");
    }

    @Test
    void aRepeatingActionRunsOnTheUiThreadUntilCancelled() throws Exception {
        Thread uiThread = Thread.currentThread();
        List<Boolean> ranOnUi = new CopyOnWriteArrayList<>();
        TaskExecutor.RunningTask timer = executor.every(java.time.Duration.ofMillis(20), () -> ranOnUi.add(Thread.currentThread() == uiThread));
        drainUntil(() -> ranOnUi.size() >= 3);
        assertThat(ranOnUi).hasSizeGreaterThanOrEqualTo(3).containsOnly(true);
        timer.cancel();
        int afterCancel = ranOnUi.size();
        Thread.sleep(100);
        uiQueue.forEach(Runnable::run);
        assertThat(ranOnUi).hasSize(afterCancel);
        assertThat(timer.isCancelled()).isTrue();
    }

    private void drainUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable next = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }
}
