package com.rolloutcontrolroom.ui.dashboard;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.query.FailureKind;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.EnvironmentChoice;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.SuiteRecording;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * Run now: the full suite on the current phase's environment, recorded to the current rollout exactly as the
 * Queries screen's Run records it ({@link SuiteRecording}), with progress and Cancel.
 */
public final class RunNowViewModel {

    private final DashboardSources sources;
    private final EnvironmentChoice choice;
    private final TaskExecutor executor;
    private final PresentationMode presentation;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private RunCancellation cancellation;

    RunNowViewModel(DashboardSources sources, EnvironmentChoice choice, TaskExecutor executor, PresentationMode presentation) {
        this.sources = sources;
        this.choice = choice;
        this.executor = executor;
        this.presentation = presentation;
    }

    /**
     * @param said   gets the outcome in one sentence (recorded, cancelled, or why not)
     * @param ended  called once the run is over, recorded or not, so the dashboard reads the rollout again
     */
    void run(String environment, String rollout, Consumer<String> said, Runnable ended) {
        if (running.get()) {
            return;
        }
        running.set(true);
        choice.open(environment, () -> start(environment, rollout, said, ended), sentence -> {
            running.set(false);
            said.accept(sentence);
        });
    }

    private void start(String environment, String rollout, Consumer<String> said, Runnable ended) {
        RunCancellation thisRun = new RunCancellation();
        cancellation = thisRun;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        AtomicBoolean passwordRejected = new AtomicBoolean();
        showProgress(0, 0);
        executor.execute(BackgroundTask.of(() -> {
            QuerySet set = sources.querySets().get();
            int count = SuiteRunner.queriesOf(set, QuerySuite.FULL).size();
            total.set(count);
            executor.runOnUiThread(() -> showProgress(0, count));
            return sources.runs().runAndRecord(environment, set, QuerySuite.FULL, rollout, thisRun, outcome -> {
                int now = done.incrementAndGet();
                executor.runOnUiThread(() -> showProgress(now, count));
            });
        }).onSuccess(recorded -> {
            said.accept(sentence(recorded));
            passwordRejected.set(recorded.run().outcomes().stream().anyMatch(o -> o.failure() == FailureKind.PASSWORD));
        }).onFailure(failure -> {
            said.accept("The full suite did not run on " + environment + ": " + FailureSentence.of(failure));
            passwordRejected.set(FailureKind.in(failure) == FailureKind.PASSWORD);
        }).onFinished(() -> {
            cancellation = null;
            boolean asked = choice.askAgainIfRejected(environment, passwordRejected.get(),
                    () -> start(environment, rollout, said, ended), sentence -> finish(ended));
            if (!asked) {
                finish(ended);
            }
        }));
    }

    private void finish(Runnable ended) {
        running.set(false);
        progressText.set("");
        ended.run();
    }

    private static String sentence(SuiteRecording.Recorded recorded) {
        SuiteRun run = recorded.run();
        if (run.wasCancelled()) {
            return "Cancelled: a partial run is not recorded in the journal.";
        }
        String stopped = run.stoppedBecause().map(why -> " It stopped: " + why).orElse("");
        if (recorded.entry() != null) {
            return "Recorded the full suite on " + run.environment() + " to " + recorded.entry().entry().rollout()
                    + " as journal record " + recorded.entry().id() + "." + stopped;
        }
        return recorded.notRecorded() + stopped;
    }

    /** Stops the query in flight on the server; the ones after it do not start. */
    public void cancel() {
        if (cancellation != null) {
            // a server-side cancel opens a new connection: never on the FX thread
            RunCancellation toCancel = cancellation;
            executor.execute(BackgroundTask.ofRunnable(toCancel::cancel));
            progressText.set(progressText.get() + " · cancelling…");
        }
    }

    private void showProgress(int done, int total) {
        progress.set(total == 0 ? 0 : (double) done / total);
        progressText.set(total == 0 ? "Starting the full suite…" : done + " of " + total + " queries");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "3 of 11 queries". */
    public StringBinding progressTextProperty() {
        return presentation.shown(progressText.getReadOnlyProperty());
    }
}
