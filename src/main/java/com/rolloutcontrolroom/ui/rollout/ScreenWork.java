package com.rolloutcontrolroom.ui.rollout;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The Rollout screen's background work: busy while anything runs, a failure as the one sentence shown,
 * and only the newest piece of work may fill the screen (an older read finishing late is dropped).
 */
final class ScreenWork {

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private long generation;
    private int inFlight;

    ScreenWork(TaskExecutor executor) {
        this.executor = executor;
    }

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Runnable afterFailure) {
        long mine = ++generation;
        busy.set(++inFlight > 0);
        executor.execute(BackgroundTask.of(work)
                .onSuccess(result -> {
                    if (mine == generation) {
                        onSuccess.accept(result);
                    }
                })
                .onFailure(failure -> {
                    if (mine == generation) {
                        error.set(FailureSentence.of(failure));
                        afterFailure.run();
                    }
                })
                .onFinished(() -> busy.set(--inFlight > 0)));
    }

    /** Whatever runs now may no longer fill the screen (the rollout shown changed). */
    void supersede() {
        generation++;
    }

    void clearError() {
        error.set("");
    }

    void refuse(String sentence) {
        error.set(sentence);
    }

    boolean isBusy() {
        return busy.get();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
