package com.rolloutcontrolroom.ui.rollout;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.services.deploy.Cancellation;
import com.rolloutcontrolroom.services.deploy.DeployOutcome;
import com.rolloutcontrolroom.services.deploy.DeployReview;
import com.rolloutcontrolroom.services.deploy.Deployments;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The Rollout screen's deployment steps and emergency rollbacks as reviewed actions: the dialog opens on
 * the dry run (the exact commands and values), runs only once confirmed (for production, the environment's
 * name typed out; for a rollback, a reason too), streams the output with a Cancel, and says how it ended.
 * All process work runs on the {@link TaskExecutor}; output lines reach the properties on the UI thread.
 */
public final class DeploymentViewModel {

    private final Deployments deployments;
    private final ObservableValue<String> rolloutName;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final PresentationMode presentation;
    private final Runnable afterJournaled;
    private final DeploymentOutput output;

    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rollback = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsTyping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dryRun = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmWord = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper();
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanBinding canRun;

    private DeployReview review;
    private Cancellation cancellation;

    /** @param afterJournaled reads the rollout again once an action wrote to its journal (the Rollout screen's reload) */
    public DeploymentViewModel(Deployments deployments, ObservableValue<String> rolloutName, TaskExecutor executor,
                               DialogService dialogs, PresentationMode presentation, Runnable afterJournaled) {
        this.deployments = deployments;
        this.rolloutName = rolloutName;
        this.executor = executor;
        this.dialogs = dialogs;
        this.presentation = presentation;
        this.afterJournaled = afterJournaled;
        this.output = new DeploymentOutput(executor);
        BooleanBinding confirmed = Bindings.createBooleanBinding(() -> !needsTyping.get()
                || typed.get() != null && typed.get().strip().equals(confirmWord.get()), needsTyping, typed, confirmWord);
        BooleanBinding reasoned = Bindings.createBooleanBinding(() -> !rollback.get()
                || reason.get() != null && !reason.get().isBlank(), rollback, reason);
        canRun = open.and(busy.not()).and(running.not()).and(finished.not()).and(blocked.isEmpty()).and(dryRun.isNotEmpty())
                .and(confirmed).and(reasoned);
        rolloutName.addListener((obs, old, now) -> readEnvironments());
        readEnvironments();
    }

    /** Opens the dialog on the dry run of the next phase's deployment steps. */
    public void reviewDeploy() {
        start(false);
        work(() -> deployments.reviewNext(name()), this::show);
    }

    /** Opens the dialog on the dry run of an emergency rollback of one environment (staging, production). */
    public void reviewRollback(String environment) {
        start(true);
        work(() -> deployments.reviewRollback(name(), environment), this::show);
    }

    /** Asks for the project folder (the linked checkout), remembers it for the rollout and shows the dry run again. */
    public void chooseProjectFolder() {
        if (review == null || running.get()) {
            return;
        }
        DeployReview shown = review;
        dialogs.ask("Project folder", "The folder of the project's checkout that `vercel link` linked; the Vercel CLI runs"
                        + " there. It is remembered for " + shown.rollout() + ".",
                List.of(DialogQuestion.text("_Folder", shown.projectFolder() == null ? "" : shown.projectFolder().toString())),
                "Use this folder").map(answers -> answers.get(0).strip()).filter(text -> !text.isEmpty())
                .ifPresent(text -> work(() -> {
                    deployments.chooseProjectFolder(shown.rollout(), Path.of(text));
                    return again(shown);
                }, this::show));
    }

    /** Asks for the Vercel CLI's path (empty: {@code vercel} on the PATH), remembers it and shows the dry run again. */
    public void chooseCli() {
        if (review == null || running.get()) {
            return;
        }
        DeployReview shown = review;
        dialogs.ask("Vercel CLI", "The path of the vercel executable when it is not on the PATH; leave it empty to use the"
                        + " PATH.", List.of(DialogQuestion.text("_Path", "")), "Use this CLI")
                .map(answers -> answers.get(0).strip())
                .ifPresent(text -> work(() -> {
                    deployments.chooseCli(text);
                    return again(shown);
                }, this::show));
    }

    private DeployReview again(DeployReview shown) {
        return shown.isRollback()
                ? deployments.reviewRollback(shown.rollout(), shown.script().environment().role().label())
                : deployments.reviewNext(shown.rollout());
    }

    /** Runs the reviewed commands; the output streams in, the outcome is said at the end. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        DeployReview confirmedReview = review;
        String confirmation = needsTyping.get() ? typed.get() : confirmedReview.confirmWord();
        String why = reason.get();
        Cancellation mine = new Cancellation();
        cancellation = mine;
        running.set(true);
        executor.execute(BackgroundTask.of(() -> deployments.run(confirmedReview, confirmation, why, output.listener(), mine))
                .onSuccess(this::finish)
                .onFailure(failure -> finish(FailureSentence.of(failure), false))
                .onFinished(() -> running.set(false)));
    }

    /** Ends the command running now and keeps the rest from starting; the outcome then says it was cancelled. */
    public void cancel() {
        Cancellation current = cancellation;
        if (current != null && running.get()) {
            // ending a process tree waits for it: never on the UI thread
            executor.execute(BackgroundTask.ofRunnable(current::cancel));
        }
    }

    /** Closes the dialog; not while commands run (Cancel first). */
    public void close() {
        if (!running.get()) {
            open.set(false);
        }
    }

    private void finish(DeployOutcome outcome) {
        finish(outcome.sentence(), outcome.succeeded());
    }

    private void finish(String sentence, boolean ok) {
        result.set(sentence);
        succeeded.set(ok);
        finished.set(true);
        afterJournaled.run();
    }

    private void start(boolean isRollback) {
        review = null;
        output.clear();
        List.of(title, dryRun, folder, blocked, confirmWord, result).forEach(text -> text.set(""));
        typed.set("");
        reason.set("");
        finished.set(false);
        succeeded.set(false);
        rollback.set(isRollback);
        needsTyping.set(false);
        title.set(isRollback ? "Emergency rollback" : "Deploy the next phase");
        open.set(true);
    }

    private void show(DeployReview reviewed) {
        review = reviewed;
        title.set(reviewed.script().action() + " (" + reviewed.script().environment().environment() + ")");
        dryRun.set(String.join("\n", reviewed.dryRun()));
        folder.set(reviewed.projectFolder() == null ? "" : reviewed.projectFolder().toString());
        blocked.set(reviewed.blocked() == null ? "" : reviewed.blocked());
        confirmWord.set(reviewed.confirmWord());
        needsTyping.set(reviewed.needsTypedConfirmation());
    }

    private <T> void work(Callable<T> task, Consumer<T> onSuccess) {
        busy.set(true);
        executor.execute(BackgroundTask.of(task).onSuccess(onSuccess)
                .onFailure(failure -> blocked.set(FailureSentence.of(failure)))
                .onFinished(() -> busy.set(false)));
    }

    private void readEnvironments() {
        String name = name();
        if (name.isEmpty()) {
            environments.clear();
            return;
        }
        executor.execute(BackgroundTask.of(() -> deployments.environments(name).stream().map(PlanEnvironment::role)
                        .map(role -> role.label()).toList())
                .onSuccess(environments::setAll)
                .onFailure(failure -> environments.clear()));
    }

    private String name() {
        String name = rolloutName.getValue();
        return name == null ? "" : name.strip();
    }

    /** staging, production: one Emergency rollback button each. */
    public ObservableList<String> environments() {
        return environments;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rollbackProperty() {
        return rollback.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty needsTypingProperty() {
        return needsTyping.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringBinding titleProperty() {
        return presentation.shown(title.getReadOnlyProperty());
    }

    /** The exact commands and values, ready to copy; paths masked while presenting. */
    public StringBinding dryRunProperty() {
        return presentation.shown(dryRun.getReadOnlyProperty());
    }

    public StringBinding folderProperty() {
        return presentation.shown(Bindings.createStringBinding(() -> folder.get().isEmpty()
                ? "No project folder is set for this rollout: choose the linked checkout." : "Project folder: " + folder.get(), folder));
    }

    public StringBinding blockedProperty() {
        return presentation.shown(blocked.getReadOnlyProperty());
    }

    public StringBinding confirmPromptProperty() {
        return presentation.shown(Bindings.createStringBinding(() -> "Type " + confirmWord.get() + " to confirm", confirmWord));
    }

    public StringBinding outputProperty() {
        return presentation.shown(output.textProperty());
    }

    public StringBinding resultProperty() {
        return presentation.shown(result.getReadOnlyProperty());
    }

    public PresentationMode presentation() {
        return presentation;
    }

    /** Copies the dry run as it is (the real paths: the clipboard is not the shared screen). */
    public void copyDryRun() {
        if (!dryRun.get().isEmpty()) {
            dialogs.copyToClipboard(dryRun.get());
        }
    }
}
