package com.rolloutcontrolroom.ui.queries;

import com.rolloutcontrolroom.ui.common.FailureSentence;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.services.query.FailureKind;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.EnvironmentChoice;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.SuiteRecording;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The Queries screen: pick an environment, run the quick check or the full suite, watch it
 * progress, cancel it, read each query's result, see the run recorded in the journal (to the current
 * rollout) and export it. The query list is {@link QueryCatalogViewModel}'s; exporting is {@link RunExportViewModel}'s.
 */
public final class QueriesViewModel {

    private final SuiteRecording recording;
    private final TaskExecutor executor;
    private final QueryCatalogViewModel catalog;
    private final RunExportViewModel export;
    private final EnvironmentChoice choice;
    private final ObservableValue<String> currentRollout;

    private final ObjectProperty<String> environment;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No run yet: choose an environment and run the quick check or the full suite.");
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private List<String> metricsRead = List.of();
    private List<ResultTable> resultsRead = List.of();
    private final PresentationMode presentation;
    private final ReadOnlyStringWrapper recorded = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** the last run's index advice: a sentence and the statement to copy; both empty when none applies */
    private final ReadOnlyStringWrapper indexAdvice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper indexAdviceDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper indexStatement = new ReadOnlyStringWrapper("");
    private final DialogService dialogs;
    private final ObservableList<ResultTable> results = FXCollections.observableArrayList();
    private final BooleanBinding canRun;
    private RunCancellation cancellation;

    public QueriesViewModel(EnvironmentCatalog environmentCatalog, SuiteRunner suiteRunner, SnapshotRecorder recorder,
                            TaskExecutor executor, QueryCatalogViewModel catalog, RunExportViewModel export, DialogService dialogs,
                            ObservableValue<String> currentRollout, Workspace workspace, PresentationMode presentation) {
        this.presentation = presentation;
        this.dialogs = dialogs;
        this.choice = new EnvironmentChoice(environmentCatalog, dialogs, executor);
        this.environment = choice.environmentProperty();
        this.currentRollout = currentRollout;
        this.recording = new SuiteRecording(environmentCatalog, suiteRunner, recorder, workspace);
        this.executor = executor;
        this.catalog = catalog;
        this.export = export;
        this.canRun = Bindings.createBooleanBinding(() -> !running.get() && environment.get() != null
                && !catalog.querySetProperty().get().queries().isEmpty(), running, environment, catalog.querySetProperty());
        // the lists are shown as the mode wants them, and again when it changes
        presentation.redactorInUseProperty().addListener((obs, old, now) -> showRead());
    }

    /** Lists the environments (reading the profiles is file I/O) and loads the query set, off the FX thread. */
    public void start() {
        refreshEnvironments();
        catalog.load();
    }

    /** Re-reads the environment list, e.g. when the chooser opens after a profile was added in Settings. */
    public void refreshEnvironments() {
        choice.refresh(error::set);
    }

    public void runQuickCheck() {
        run(QuerySuite.QUICK);
    }

    public void runFullSuite() {
        run(QuerySuite.FULL);
    }

    /** Stops the query in flight on the server; the ones after it do not start. */
    public void cancel() {
        if (cancellation != null) {
            // a server-side cancel opens a new connection: never on the FX thread
            executor.execute(BackgroundTask.ofRunnable(cancellation::cancel));
            progressText.set(progressText.get() + " · cancelling…");
        }
    }

    private void run(QuerySuite suite) {
        if (!canRun.get()) {
            return;
        }
        String environmentName = environment.get();
        running.set(true);
        error.set("");
        choice.open(environmentName, () -> start(suite, environmentName), sentence -> {
            running.set(false);
            error.set(sentence);
        });
    }

    private void start(QuerySuite suite, String environmentName) {
        QuerySet set = catalog.querySetProperty().get();
        int total = queryCount(set, suite);
        // the rollout current when the run starts gets it, even if another is chosen while it runs
        String rollout = currentRollout.getValue();
        RunCancellation thisRun = new RunCancellation();
        cancellation = thisRun;
        running.set(true);
        error.set("");
        recorded.set("");
        showProgress(0, total);
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean passwordRejected = new java.util.concurrent.atomic.AtomicBoolean();
        executor.execute(BackgroundTask.of(() -> recording.runAndRecord(environmentName, set, suite, rollout, thisRun,
                // called on the background thread: only the executor may bring it to the bound properties
                outcome -> {
                    int count = done.incrementAndGet();
                    executor.runOnUiThread(() -> showProgress(count, total));
                }))
                .onSuccess(finished -> {
                    show(finished);
                    passwordRejected.set(finished.run().outcomes().stream().anyMatch(o -> o.failure() == FailureKind.PASSWORD));
                })
                .onFailure(failure -> {
                    error.set("The " + suite.label() + " suite did not run on " + environmentName + ": " + FailureSentence.of(failure));
                    passwordRejected.set(FailureKind.in(failure) == FailureKind.PASSWORD);
                })
                .onFinished(() -> {
                    cancellation = null;
                    // still running while the password is asked for again: the rerun must not race a second click
                    boolean asked = choice.askAgainIfRejected(environmentName, passwordRejected.get(),
                            () -> start(suite, environmentName), sentence -> running.set(false));
                    if (!asked) {
                        running.set(false);
                    }
                }));
    }

    private void show(SuiteRecording.Recorded finished) {
        SuiteRun run = finished.run();
        resultsRead = run.outcomes().stream().map(ResultTable::of).toList();
        summary.set(RunSummary.headline(run) + (finished.roleWarning().isEmpty() ? "" : "\n" + finished.roleWarning()));
        metricsRead = RunSummary.metrics(run);
        // the catalog was read on this run's connection: no advice (index built since, run not reached) clears the last one
        indexAdvice.set(finished.indexAdvice().map(advice -> "Index advice: " + advice.headline()).orElse(""));
        indexAdviceDetail.set(finished.indexAdvice().map(advice -> advice.sentence()).orElse(""));
        indexStatement.set(finished.indexAdvice().map(advice -> advice.statement()).orElse(""));
        showRead();
        export.lastRunProperty().set(run);
        run.stoppedBecause().ifPresent(why -> error.set((run.reachedNothing() ? "No query ran on " + run.environment()
                : "The " + run.querySet() + " suite on " + run.environment() + " stopped") + ": " + why));
        if (run.wasCancelled()) {
            recorded.set("Cancelled: a partial run is not recorded in the journal.");
        } else if (finished.entry() != null) {
            recorded.set("Recorded to " + finished.entry().entry().rollout() + " as journal record " + finished.entry().id() + ".");
        } else {
            error.set(finished.notRecorded());
        }
    }

    private void showRead() {
        results.setAll(resultsRead.stream().map(result -> result.shownBy(presentation::shown)).toList());
        metrics.setAll(metricsRead.stream().map(presentation::shown).toList());
    }

    private void showProgress(int done, int total) {
        progress.set(total == 0 ? 0 : (double) done / total);
        progressText.set(done + " of " + total + " queries");
    }

    private static int queryCount(QuerySet set, QuerySuite suite) {
        return SuiteRunner.queriesOf(set, suite).size();
    }

    /** Puts the index advice's statement on the clipboard; the app never runs it. */
    public void copyIndexStatement() {
        if (!indexStatement.get().isEmpty()) {
            dialogs.copyToClipboard(indexStatement.get());
        }
    }

    // the View may bind to no ViewModel but its own, so the export child is reached through these
    public void exportCsv() { export.exportCsv(); }
    public void exportJson() { export.exportJson(); }
    public BooleanBinding canExportBinding() { return export.canExportBinding(); }
    public StringBinding exportMessageProperty() { return presentation.shown(export.messageProperty()); }
    public StringBinding exportErrorProperty() { return presentation.shown(export.errorProperty()); }

    /** The window's presentation mode, for the View's cells. */
    public PresentationMode presentation() { return presentation; }
    /** The query list child, for its own View. */
    public QueryCatalogViewModel catalog() { return catalog; }
    public ObservableList<String> environments() { return choice.environments(); }
    public ObjectProperty<String> environmentProperty() { return environment; }
    public BooleanBinding canRunBinding() { return canRun; }
    /** Cancel is possible exactly while a run is under way. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public StringBinding progressTextProperty() { return presentation.shown(progressText.getReadOnlyProperty()); }
    public StringBinding summaryProperty() { return presentation.shown(summary.getReadOnlyProperty()); }
    public ObservableList<String> metrics() { return metrics; }
    public StringBinding recordedProperty() { return presentation.shown(recorded.getReadOnlyProperty()); }
    public StringBinding errorProperty() { return presentation.shown(error.getReadOnlyProperty()); }
    public ObservableList<ResultTable> results() { return results; }
    /** Empty unless the environment lacks an index the run's queries would use; it names no host, user or secret, so presenting leaves it whole. */
    public StringBinding indexAdviceProperty() { return presentation.shown(indexAdvice.getReadOnlyProperty()); }
    /** The advice's whole sentence (which queries, why, that the app never creates the index), for the line's tooltip. */
    public StringBinding indexAdviceDetailProperty() { return presentation.shown(indexAdviceDetail.getReadOnlyProperty()); }
    /** The CREATE INDEX CONCURRENTLY statement (after a DROP of an INVALID index, if any) the advice proposes. */
    public StringBinding indexStatementProperty() { return presentation.shown(indexStatement.getReadOnlyProperty()); }
}
